// What a dropped connection costs: a pack of one large file is synced through a proxy that
// cuts the line once half of the file has gone out, then lets the laptop's retry through.
// The value is what the hub sent for that file beyond its size (bytes fetched twice); the
// baseline is the file's size, what starting over would cost. The hub client reads no fixed
// chunk size (it writes whatever the connection delivers, typically up to 64 KiB at a time
// on loopback), so "one chunk" is taken as 64 KiB (`chunkBytes`).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { hubPaths } from '../../../electron/core/packs/format/catalog';
import { serveHub } from '../../../hub/hub-server';
import type { Figure } from '../support/figure';
import { buildAndPublish, makeHubWorld, randomImage, startCountingProxy, syncOnce, writeImageSource } from '../support/hub';
import { withTempDir } from '../support/temp-dir';

const objectBytes = 20_000_000;
const chunkBytes = 64 * 1024;
const cutAt = objectBytes / 2;
const packId = 'vn.test.bench-resume';

const figure: Figure = {
  name: 'sync_resume_redownload_bytes',
  unit: 'bytes',
  target: { max: chunkBytes },
  async measure({ log }) {
    return withTempDir('chieng-bench-resume', async (work) => {
      log(`publishing one file of ${objectBytes} bytes; the connection is cut after ${cutAt} of them`);
      const world = await makeHubWorld(work);
      const sourceDir = path.join(work, 'source');
      const content = randomImage(objectBytes);
      await writeImageSource(sourceDir, { id: packId, version: 1, count: 1 }, () => content);
      await buildAndPublish(world, sourceDir, path.join(work, 'pack.chieng'));
      const objectPath = `/${hubPaths.object(createHash('sha256').update(content).digest('hex'))}`;

      const hub = await serveHub(world.hubDir, 0, '127.0.0.1');
      try {
        const proxy = await startCountingProxy(hub.url, {
          cutAfter: (requestPath, attempt) => (requestPath === objectPath && attempt === 1 ? cutAt : undefined),
        });
        try {
          await syncOnce(world, path.join(work, 'laptop'), proxy.url);
          const sent = proxy.traffic.byPath.get(objectPath) ?? 0;
          const requests = proxy.traffic.requestsByPath.get(objectPath) ?? 0;
          log(`the hub sent ${sent} bytes of the file in ${proxy.traffic.requests} requests in all`);
          if (sent < objectBytes) throw new Error(`the hub sent only ${sent} of ${objectBytes} bytes, yet the sync installed`);
          return {
            value: sent - objectBytes,
            baseline: { name: 'sync_restart_redownload_bytes', value: objectBytes, unit: 'bytes' },
            runs: 1,
            extra: { chunkBytes, objectBytes, cutAt, sentBytes: sent, objectRequests: requests },
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
