// What an update costs a commune's data plan: a laptop holding version 1 of a pack syncs
// version 2, in which 5% of the files changed, and a proxy in front of the hub counts every
// body byte the hub serves (objects, and the catalog and signed documents). The baseline is
// the same version 2 synced into a fresh data folder through the same proxy: what starting
// over would cost. The issue bounds the update by the bytes that changed, not by the
// baseline, so the target is on `ratioOfChanged`.
import path from 'node:path';
import type { Figure } from '../support/figure';
import {
  buildAndPublish,
  makeHubWorld,
  randomImage,
  startCountingProxy,
  syncOnce,
  writeImageSource,
  type HubTraffic,
} from '../support/hub';
import { serveHub } from '../../../hub/hub-server';
import { round } from '../support/stats';
import { withTempDir } from '../support/temp-dir';

const fileCount = 400;
const fileBytes = 50_000;
const changedCount = fileCount / 20;
const packId = 'vn.test.bench-delta';

const figure: Figure = {
  name: 'sync_delta_download_bytes',
  unit: 'bytes',
  target: { max: 1.05, of: 'ratioOfChanged' },
  async measure({ log }) {
    return withTempDir('chieng-bench-delta', async (work) => {
      log(`publishing version 1 (${fileCount} files of ${fileBytes} bytes), then version 2 with ${changedCount} of them changed`);
      const world = await makeHubWorld(work);
      const sourceDir = path.join(work, 'source');
      await writeImageSource(sourceDir, { id: packId, version: 1, count: fileCount }, () => randomImage(fileBytes));
      await buildAndPublish(world, sourceDir, path.join(work, 'v1.chieng'));

      const hub = await serveHub(world.hubDir, 0, '127.0.0.1');
      try {
        const proxy = await startCountingProxy(hub.url);
        try {
          const laptopDir = path.join(work, 'laptop');
          await syncOnce(world, laptopDir, proxy.url);

          // Every 20th file gets new bytes of the same size; the others stay as they were.
          const changedBytes = await writeImageSource(sourceDir, { id: packId, version: 2, count: fileCount }, (index) =>
            index % 20 === 7 ? randomImage(fileBytes) : undefined,
          );
          await buildAndPublish(world, sourceDir, path.join(work, 'v2.chieng'));

          proxy.reset();
          const update = await syncOnce(world, laptopDir, proxy.url);
          if (update.results[0]?.status !== 'updated') throw new Error(`the second sync did not update: ${JSON.stringify(update)}`);
          const delta = snapshot(proxy.traffic);

          proxy.reset();
          await syncOnce(world, path.join(work, 'fresh'), proxy.url);
          const full = snapshot(proxy.traffic);
          log(
            `update: ${delta.objectBytes} object + ${delta.documentBytes} document bytes in ${delta.requests} requests; full: ${full.objectBytes} + ${full.documentBytes} in ${full.requests}`,
          );

          const value = delta.objectBytes + delta.documentBytes;
          return {
            value,
            baseline: {
              name: 'sync_full_redownload_bytes',
              value: full.objectBytes + full.documentBytes,
              unit: 'bytes',
              extra: { objectBytes: full.objectBytes, documentBytes: full.documentBytes, requests: full.requests },
            },
            runs: 1,
            extra: {
              changedBytes,
              ratioOfChanged: round(value / changedBytes, 4),
              objectBytes: delta.objectBytes,
              documentBytes: delta.documentBytes,
              requests: delta.requests,
              files: fileCount,
              changedFiles: changedCount,
            },
          };
        } finally {
          await proxy.close();
        }
      } finally {
        await hub.close();
      }
    });
  },
};

export default figure;

function snapshot(traffic: HubTraffic): { objectBytes: number; documentBytes: number; requests: number } {
  return { objectBytes: traffic.objectBytes, documentBytes: traffic.documentBytes, requests: traffic.requests };
}
