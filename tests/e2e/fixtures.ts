import { _electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, serveChieng, type ServingChieng } from '../support/cli-process';
import { electronRuntime } from '../support/electron-runtime';

export type Shell = 'host' | 'electron';
export interface ShellOptions {
  readonly shell: Shell;
}

/** The app under test, whichever shell carries it, with its own data folder. */
export interface ChiengApp {
  readonly shell: Shell;
  readonly dataDir: string;
  readonly page: Page;
  /** Closes the app and opens it again on the same data folder; returns the new page. */
  restart(): Promise<Page>;
  /** Calls the core directly over this shell's transport, bypassing the UI. */
  callCore(method: string, input: unknown): Promise<unknown>;
  /** The Electron application, in the Electron shell only. */
  readonly electronApp?: ElectronApplication;
  /** Runs `trigger` (a click that saves a file) and returns where the file was saved. */
  saveNextDownload(trigger: () => Promise<void>, fileName: string): Promise<string>;
}

// Attached, not visible: a locked app shows only its lock screen, which gives the page no size.
export const waitUntilReady = (page: Page) => page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });

export const test = base.extend<{ app: ChiengApp }, ShellOptions>({
  shell: ['host', { option: true, scope: 'worker' }],

  app: async ({ shell, browser }, use, testInfo) => {
    const dataDir = testInfo.outputPath('data');
    if (shell === 'host') {
      let serving: ServingChieng = await serveChieng(dataDir);
      const context = await browser.newContext();
      let page = await context.newPage();
      await page.goto(serving.url);
      await waitUntilReady(page);
      await use({
        shell,
        dataDir,
        get page() {
          return page;
        },
        async restart() {
          await page.close();
          await serving.stop();
          serving = await serveChieng(dataDir);
          page = await context.newPage();
          await page.goto(serving.url);
          await waitUntilReady(page);
          return page;
        },
        async saveNextDownload(trigger, fileName) {
          const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
          const target = testInfo.outputPath(fileName);
          await download.saveAs(target);
          return target;
        },
        callCore: (method, input) =>
          page.evaluate(
            async ([m, i]): Promise<unknown> =>
              (
                await fetch(`/api/call/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) })
              ).json(),
            [method, input] as const,
          ),
      });
      await context.close();
      await serving.stop();
      return;
    }

    const runtime = electronRuntime();
    testInfo.skip(!runtime.available, runtime.available ? '' : `Electron: ${runtime.reason}`);
    if (!runtime.available) return;
    const launch = () =>
      _electron.launch({
        executablePath: runtime.executablePath,
        args: [
          path.join(repoRoot, 'dist', 'main', 'index.js'),
          `--data-dir=${dataDir}`,
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        ],
      });
    let electronApp: ElectronApplication = await launch();
    let page = await electronApp.firstWindow();
    await waitUntilReady(page);
    await use({
      shell,
      dataDir,
      get page() {
        return page;
      },
      get electronApp() {
        return electronApp;
      },
      async restart() {
        await electronApp.close();
        electronApp = await launch();
        page = await electronApp.firstWindow();
        await waitUntilReady(page);
        return page;
      },
      async saveNextDownload(trigger, fileName) {
        // The save dialog is the operating system's; answer it as a person would.
        const target = testInfo.outputPath(fileName);
        await electronApp.evaluate(({ dialog }, filePath) => {
          dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath });
        }, target);
        await trigger();
        await expect.poll(() => existsSync(target)).toBe(true);
        return target;
      },
      callCore: (method, input) =>
        page.evaluate(
          ([m, i]) => (window as unknown as { chieng: { invoke(m: string, i: unknown): Promise<unknown> } }).chieng.invoke(m, i),
          [method, input] as const,
        ),
    });
    await electronApp.close();
  },
});

export { expect };
