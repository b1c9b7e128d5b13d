// Starting the app on a data folder that keeps 100,000 logbook records: from launching
// `chieng serve` until it is ready and has answered the first logbook.list (this month's
// loudspeaker sessions, what the logbook page asks first), against the same on a data folder
// with no records, in the same run. Both folders hold the demo pack, installed beforehand.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Figure } from '../support/figure';
import { spawnJsonServer } from '../support/json-server';
import { writeLogbookFolder } from '../support/logbook-folder';
import { median, percentile, round } from '../support/stats';
import { withTempDir } from '../support/temp-dir';

const stored = 100_000;
const monthCount = 36;
const runs = 7;

const figure: Figure = {
  name: 'app_start_100k_records',
  unit: 'ms',
  target: { max: 2000 },
  async measure({ repoRoot, log }) {
    const cli = path.join(repoRoot, 'bin', 'chieng.js');
    return withTempDir('chieng-bench-app-start', async (work) => {
      const full = path.join(work, 'full');
      const empty = path.join(work, 'empty');
      log(`writing ${stored} records over ${monthCount} months (not timed)`);
      const folder = await writeLogbookFolder(full, stored, monthCount);
      await mkdir(empty);

      const timeStart = async (dataDir: string) => {
        const started = performance.now();
        const server = await spawnJsonServer([cli, 'serve', '--data-dir', dataDir, '--port', '0', '--json'], repoRoot);
        try {
          const response = await fetch(new URL('api/call/logbook.list', server.url), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ kind: 'loudspeaker' }),
          });
          const result = (await response.json()) as { ok: boolean; value?: { total: number } };
          if (!result.ok) throw new Error(`logbook.list failed: ${JSON.stringify(result)}`);
          return { ms: performance.now() - started, listed: result.value?.total ?? 0 };
        } finally {
          await server.stop();
        }
      };

      // Unrecorded: installs the demo pack in each folder and warms the page cache.
      const first = await timeStart(full);
      if (first.listed === 0) throw new Error('the first list found no records in the full folder');
      await timeStart(empty);
      const app: number[] = [];
      const baseline: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        // Alternate which goes first so neither always inherits the other's leftovers.
        const order = run % 2 === 0 ? [full, empty] : [empty, full];
        for (const dataDir of order) (dataDir === full ? app : baseline).push((await timeStart(dataDir)).ms);
        log(`run ${run + 1}/${runs}: 100k ${app.at(-1)!.toFixed(0)} ms, empty ${baseline.at(-1)!.toFixed(0)} ms`);
      }
      return {
        value: round(median(app), 0),
        baseline: {
          name: 'app_start_empty_data_folder',
          value: round(median(baseline), 0),
          unit: 'ms',
          extra: { p95: round(percentile(baseline, 95), 0) },
        },
        runs,
        extra: { p95: round(percentile(app, 95), 0), stored, perMonthFile: folder.perMonthFile, firstListed: first.listed },
      };
    });
  },
};

export default figure;
