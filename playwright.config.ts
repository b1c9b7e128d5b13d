import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';
import type { ShellOptions } from './tests/e2e/fixtures';

// The same specs drive the real UI in Chromium through the HTTP host, and in Electron
// through _electron where its runtime is installed (skipped, with the reason, elsewhere).
export default defineConfig<ShellOptions>({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'host', testMatch: ['shared/**/*.spec.ts', 'host-only/**/*.spec.ts'], use: { shell: 'host' } },
    { name: 'electron', testMatch: ['shared/**/*.spec.ts', 'electron-only/**/*.spec.ts'], use: { shell: 'electron' } },
  ],
});
