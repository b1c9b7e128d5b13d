// How long from launching `chieng serve` until a browser shows its first screen, against
// a bare Node server serving one line of HTML, timed the same way in the same run.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Figure } from '../support/figure';
import { spawnJsonServer, type RunningServer } from '../support/json-server';
import { median, percentile, round } from '../support/stats';
import { withTempDir } from '../support/temp-dir';
import { writeStaticPageServer } from '../baselines/static-page-server';

const runs = 7;
const readySelector = 'html[data-ready="true"]';
const pageTimeoutMs = 30_000;
const settleMs = 300;

const figure: Figure = {
  name: 'host_cold_start_to_first_screen',
  unit: 'ms',
  target: { max: 1500 },
  async measure({ repoRoot, browser: launch, log }) {
    const browser = await launch();
    const cli = path.join(repoRoot, 'bin', 'chieng.js');
    const startApp = (dataDir: string) => spawnJsonServer([cli, 'serve', '--data-dir', dataDir, '--port', '0', '--json'], repoRoot);

    return withTempDir('chieng-bench-baseline', async (baselineDir) => {
      const baselineScript = await writeStaticPageServer(baselineDir);
      const timeApp = () => withTempDir('chieng-bench-data', (dataDir) => timeToReady(browser, () => startApp(dataDir)));
      const timeBaseline = () => timeToReady(browser, () => spawnJsonServer([baselineScript], baselineDir));

      // Unrecorded: the first spawn pays for reading Node, the bundle and the page cache.
      await timeApp();
      await timeBaseline();
      const app: number[] = [];
      const baseline: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        // Alternate which goes first so neither always inherits the other's leftovers.
        if (run % 2 === 0) {
          app.push(await timeApp());
          baseline.push(await timeBaseline());
        } else {
          baseline.push(await timeBaseline());
          app.push(await timeApp());
        }
        log(`run ${run + 1}/${runs}: app ${app.at(-1)!.toFixed(1)} ms, baseline ${baseline.at(-1)!.toFixed(1)} ms`);
      }
      return {
        value: round(median(app), 1),
        baseline: {
          name: 'node_static_page_to_first_screen',
          value: round(median(baseline), 1),
          unit: 'ms',
          extra: { p95: round(percentile(baseline, 95), 1) },
        },
        runs,
        extra: { p95: round(percentile(app, 95), 1) },
      };
    });
  },
};

export default figure;

/**
 * Milliseconds from spawning the server until the page it serves is ready, in a fresh
 * browser context so that no cache carries over between runs.
 */
async function timeToReady(browser: Browser, start: () => Promise<RunningServer>): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // A person opens the address in a browser that is already running: let the new tab's
    // own start-up work (Chromium loads its UI pages then) finish before the clock starts.
    await page.goto('about:blank');
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const startedAt = performance.now();
    const server = await start();
    try {
      await page.goto(server.url, { waitUntil: 'commit', timeout: pageTimeoutMs });
      await page.waitForSelector(readySelector, { state: 'attached', timeout: pageTimeoutMs });
      return performance.now() - startedAt;
    } finally {
      await server.stop();
    }
  } finally {
    await context.close();
  }
}
