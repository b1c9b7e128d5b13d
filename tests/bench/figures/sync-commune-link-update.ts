// A 5 % update over a commune's mobile link (8 Mbit/s each way, 80 ms added round trip; see
// support/link-proxy.ts): a laptop holding version 1 of a pack of 160 files (installed over
// loopback, not timed) checks, then syncs what the check showed: version 2, in which 8 files
// changed, fetched file by file. The baseline is the link's own limit for the bytes that
// crossed it (see support/commune-link.ts for what it counts); the ratio is that limit's
// time over the sync's.
import { cp } from 'node:fs/promises';
import path from 'node:path';
import type { Figure } from '../support/figure';
import {
  changedInUpdate,
  describeSync,
  fileCount,
  linkOutcome,
  openBenchLaptop,
  publishVersion,
  serveBehindLink,
  shipDemoRoot,
  syncOverLink,
  type LinkSync,
} from '../support/commune-link';
import { makeHubWorld, syncOnce } from '../support/hub';
import { withTempDir } from '../support/temp-dir';

const runs = 5;

const figure: Figure = {
  name: 'sync_commune_link_update_5pct',
  unit: 'Mbit/s',
  target: { min: 0.85, of: 'ratio' },
  async measure({ repoRoot, log }) {
    return withTempDir('chieng-bench-link-update', async (work) => {
      const world = await makeHubWorld(work);
      await shipDemoRoot(repoRoot, world);
      await publishVersion(world, work, 1);
      const hub = await serveBehindLink(repoRoot, world);
      try {
        log('installing version 1 over loopback, then publishing version 2 (not timed)');
        const seed = path.join(work, 'seed');
        await syncOnce(world, seed, hub.directUrl);
        const changedBytes = await publishVersion(world, work, 2);
        const syncs: LinkSync[] = [];
        for (let run = 1; run <= runs; run += 1) {
          // Each run from the same laptop holding version 1.
          const dataDir = path.join(work, `laptop-${run}`);
          await cp(seed, dataDir, { recursive: true });
          const core = await openBenchLaptop(world, dataDir, hub.link.url);
          try {
            syncs.push(await syncOverLink(core, hub.link));
          } finally {
            await core.library.warm().catch(() => undefined);
            await core.close();
          }
          log(`run ${run}/${runs}: ${describeSync(syncs.at(-1)!)}`);
        }
        const changedFiles = Array.from({ length: fileCount }, (_, index) => index).filter(changedInUpdate).length;
        return linkOutcome(syncs, { files: fileCount, changedFiles, changedBytes });
      } finally {
        await hub.stop();
      }
    });
  },
};

export default figure;
