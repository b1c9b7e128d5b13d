// How fast a laptop syncs a large pack when the network is not the limit: `chieng hub serve`
// (its own process, as a hub is its own machine) serves a 200 MB pack of 2,000 files on
// loopback, and a fresh data folder syncs it (catalog, signed documents, every file downloaded,
// hashed, staged, made durable and committed). Being a first install of many files, the sync
// fetches the version's bundle (the same files end to end, one request; see
// docs/pack-format.md). The baseline is one `curl` process fetching the same files from the
// same server as their 2,000 object URLs over one kept-alive connection, timed the same way in
// the same run, writing to /dev/null; the sync also writes 200 MB to disk and makes it
// durable, which curl never does. Each timed step starts after an untimed `sync`, so neither
// pays to write back the other's data.
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hubPaths } from '../../../electron/core/packs/format/catalog';
import type { Figure } from '../support/figure';
import { buildAndPublish, makeHubWorld, openLaptop, randomImage, writeImageSource, type HubWorld } from '../support/hub';
import { spawnJsonServer } from '../support/json-server';
import { median, round } from '../support/stats';
import { withTempDir } from '../support/temp-dir';

const runs = 3;
const fileCount = 2_000;
const fileBytes = 100_000;
const totalBytes = fileCount * fileBytes;
const megabyte = 1_000_000;
const packId = 'vn.test.bench-sync';

const figure: Figure = {
  name: 'sync_throughput_vs_curl',
  unit: 'MB/s',
  target: { min: 0.8, of: 'ratio' },
  async measure({ repoRoot, log }) {
    return withTempDir('chieng-bench-sync', async (work) => {
      log(`generating ${fileCount} files of ${fileBytes} bytes (${totalBytes / megabyte} MB) and publishing them to a hub (not timed)`);
      const world = await makeHubWorld(work);
      const sourceDir = path.join(work, 'source');
      const archive = path.join(work, 'pack.chieng');
      await writeImageSource(sourceDir, { id: packId, version: 1, count: fileCount }, () => randomImage(fileBytes));
      await buildAndPublish(world, sourceDir, archive);
      await rm(sourceDir, { recursive: true, force: true });
      await rm(archive, { force: true });
      const objectUrls = await objectPaths(world);
      if (objectUrls.length !== fileCount) throw new Error(`the hub lists ${objectUrls.length} objects, not ${fileCount}`);

      const hub = await spawnJsonServer([path.join(repoRoot, 'bin', 'chieng.js'), 'hub', 'serve', '--dir', world.hubDir, '--port', '0', '--host', '127.0.0.1', '--json'], repoRoot);
      try {
        const curlConfig = path.join(work, 'curl.conf');
        await writeFile(curlConfig, objectUrls.map((each) => `url = "${new URL(each, hub.url).toString()}"\noutput = "/dev/null"\n`).join(''));
        // Shown beside the figure, not compared: curl fetching the bundle the sync fetches.
        const bundleConfig = path.join(work, 'curl-bundle.conf');
        await writeFile(bundleConfig, `url = "${new URL(hubPaths.bundle(packId, 1), hub.url).toString()}"\noutput = "/dev/null"\n`);

        let dataDirs = 0;
        const timeSync = async (): Promise<number> => {
          // A fresh data folder each time; old ones stay until the end, so that deleting
          // 200 MB does not keep the disk busy during the next run.
          const laptop = await openLaptop(world, path.join(work, `data-${(dataDirs += 1)}`), hub.url);
          try {
            await quietDisk();
            const startedAt = performance.now();
            await laptop.sync();
            return (performance.now() - startedAt) / 1000;
          } finally {
            await laptop.close();
          }
        };
        const timeCurl = async (config = curlConfig): Promise<number> => {
          await quietDisk();
          const startedAt = performance.now();
          const bytes = await runCurl(config);
          const seconds = (performance.now() - startedAt) / 1000;
          if (bytes !== totalBytes) throw new Error(`curl fetched ${bytes} bytes, not ${totalBytes}`);
          return seconds;
        };

        // Unrecorded: warms the server, the page cache and both clients.
        await timeCurl();
        await timeSync();
        const sync: number[] = [];
        const curl: number[] = [];
        for (let run = 0; run < runs; run += 1) {
          // Alternate which goes first so neither always inherits the other's leftovers.
          if (run % 2 === 0) {
            sync.push(await timeSync());
            curl.push(await timeCurl());
          } else {
            curl.push(await timeCurl());
            sync.push(await timeSync());
          }
          log(`run ${run + 1}/${runs}: sync ${sync.at(-1)!.toFixed(2)} s, curl ${curl.at(-1)!.toFixed(2)} s`);
        }
        const bundleSeconds = median([await timeCurl(bundleConfig), await timeCurl(bundleConfig), await timeCurl(bundleConfig)]);
        const syncSeconds = median(sync);
        const curlSeconds = median(curl);
        return {
          value: round(totalBytes / megabyte / syncSeconds, 1),
          baseline: {
            name: 'curl_same_objects_throughput',
            value: round(totalBytes / megabyte / curlSeconds, 1),
            unit: 'MB/s',
            extra: { seconds: round(curlSeconds, 3), bundleSeconds: round(bundleSeconds, 3) },
          },
          runs,
          extra: { seconds: round(syncSeconds, 3), files: fileCount, fileBytes, bytes: totalBytes },
        };
      } finally {
        await hub.stop();
      }
    });
  },
};

export default figure;

/** The hub paths of every object the published pack names, in manifest order. */
async function objectPaths(world: HubWorld): Promise<string[]> {
  const manifest = JSON.parse(await readFile(path.join(world.hubDir, hubPaths.packDocument(packId, 1, 'manifest.json')), 'utf8')) as {
    items: { files: { sha256: string }[] }[];
  };
  return [...new Set(manifest.items.flatMap((item) => item.files.map((file) => file.sha256)))].map((sha256) => hubPaths.object(sha256));
}

/** Writes back whatever earlier steps left dirty, untimed. */
async function quietDisk(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('sync', [], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(`sync exited ${code}`))));
  });
}

/** One curl process fetching every URL in `config`; resolves with the body bytes it received. */
function runCurl(config: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', ['--silent', '--show-error', '--fail', '--config', config, '--write-out', '%{size_download}\\n'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2_000)));
    child.once('error', (error) => reject(new Error(`could not run curl (is it installed?): ${error.message}`)));
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(`curl exited ${code}: ${stderr}`));
      else resolve(stdout.split('\n').reduce((sum, line) => sum + (Number(line) || 0), 0));
    });
  });
}
