// A first install over a commune's mobile link (8 Mbit/s each way, 80 ms added round trip;
// see support/link-proxy.ts): a fresh laptop checks, then syncs what the check showed, a pack
// of 160 files (10 MB) that comes as one bundle. The baseline is the link's own limit for the
// bytes that crossed it (see support/commune-link.ts for what it counts); the ratio is that
// limit's time over the sync's.
import path from 'node:path';
import type { Figure } from '../support/figure';
import {
  describeSync,
  fileBytes,
  fileCount,
  linkOutcome,
  openBenchLaptop,
  publishVersion,
  serveBehindLink,
  shipDemoRoot,
  syncOverLink,
  type LinkSync,
} from '../support/commune-link';
import { makeHubWorld } from '../support/hub';
import { withTempDir } from '../support/temp-dir';

const runs = 2;

const figure: Figure = {
  name: 'sync_commune_link_first_install',
  unit: 'Mbit/s',
  target: { min: 0.85, of: 'ratio' },
  async measure({ repoRoot, log }) {
    return withTempDir('chieng-bench-link-install', async (work) => {
      log(`publishing ${fileCount} files of ${fileBytes} bytes (not timed)`);
      const world = await makeHubWorld(work);
      await shipDemoRoot(repoRoot, world);
      const packBytes = await publishVersion(world, work, 1);
      const hub = await serveBehindLink(repoRoot, world);
      try {
        const syncs: LinkSync[] = [];
        for (let run = 1; run <= runs; run += 1) {
          const core = await openBenchLaptop(world, path.join(work, `laptop-${run}`), hub.link.url);
          try {
            syncs.push(await syncOverLink(core, hub.link));
          } finally {
            // A sync sets the library indexing the new pack: let it finish before the next run.
            await core.library.warm().catch(() => undefined);
            await core.close();
          }
          log(`run ${run}/${runs}: ${describeSync(syncs.at(-1)!)}`);
        }
        return linkOutcome(syncs, { files: fileCount, packBytes });
      } finally {
        await hub.stop();
      }
    });
  },
};

export default figure;
