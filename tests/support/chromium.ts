import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from 'playwright-core';

/**
 * How to start headless Chromium here: Playwright's own build where it is installed, else
 * the system's (Debian's /usr/bin/chromium). As root, Chromium's sandbox cannot start; the
 * background services are off because these machines have no internet to reach them.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const bundled = chromium.executablePath();
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((candidate) => existsSync(candidate));
  const executablePath = existsSync(bundled) ? undefined : system;
  if (!existsSync(bundled) && !system) {
    throw new Error(
      'No Chromium found: install Playwright browsers (npx playwright install chromium) or the system package (apt-get install chromium).',
    );
  }
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return { ...(executablePath ? { executablePath } : {}), args };
}
