// The headless Chromium the browser figures share, started the same way as the e2e tests'.
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../../support/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}
