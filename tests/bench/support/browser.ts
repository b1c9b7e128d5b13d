// The headless Chromium the browser figures share.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const systemChromium = '/usr/bin/chromium';

// Quiet the browser's own background traffic so it does not compete with what we time.
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: executablePath(), args });
}

/** Playwright's own build when it has been downloaded, else the distribution's. */
function executablePath(): string {
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // No build is known for this platform.
  }
  return systemChromium;
}
