// How fast a laptop syncs a large pack when the network is not the limit: `chieng hub serve`
// (its own process, as a hub is its own machine) serves a 200 MB pack of 2,000 files on
// loopback, and a fresh data folder syncs it (catalog, signed documents, every file downloaded,
// hashed, staged, made durable and committed). Being a first install of many files, the sync
// fetches the version's bundle (the same files end to end, one request; see
// docs/pack-format.md).
//
// The baseline is one `curl` process fetching the same files from the same server as their
// 2,000 object URLs over one kept-alive connection, saving each to a fresh folder laid out as
// the store is (the job a sync does, short of checking and making it durable), timed the same
// way in the same run. Shown beside it, not compared: the same curl writing to /dev/null (the
// transfer alone, no files made), and curl fetching the bundle the sync fetches. Each timed
// step starts after an untimed `sync`, so none pays to write back another's data.
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

      const hub = await spawnJsonServer(
        [path.join(repoRoot, 'bin', 'chieng.js'), 'hub', 'serve', '--dir', world.hubDir, '--port', '0', '--host', '127.0.0.1', '--json'],
        repoRoot,
      );
      try {
        const curlConfig = async (name: string, output: (objectUrl: string) => string): Promise<string> => {
          const config = path.join(work, `${name}.conf`);
          await writeFile(
            config,
            objectUrls.map((each) => `url = "${new URL(each, hub.url).toString()}"\noutput = "${output(each)}"\n`).join(''),
          );
          return config;
        };
        let curlFolders = 0;
        // A fresh folder each time, fan-out folders made by curl as it goes (as the sync makes its own).
        const toDiskConfig = () =>
          curlConfig(`curl-${(curlFolders += 1)}`, (each) =>
            path.join(work, `curl-${curlFolders}`, path.basename(path.dirname(each)), path.basename(each)),
          );
        const nullConfig = await curlConfig('curl-null', () => '/dev/null');
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
        const timeCurl = async (config: string): Promise<number> => {
          await quietDisk();
          const startedAt = performance.now();
          const bytes = await runCurl(config);
          const seconds = (performance.now() - startedAt) / 1000;
          if (bytes !== totalBytes) throw new Error(`curl fetched ${bytes} bytes, not ${totalBytes}`);
          return seconds;
        };

        // Unrecorded: warms the server, the page cache and the clients.
        await timeCurl(nullConfig);
        await timeCurl(await toDiskConfig());
        await timeSync();
        const sync: number[] = [];
        const curl: number[] = [];
        const curlNull: number[] = [];
        for (let run = 0; run < runs; run += 1) {
          const config = await toDiskConfig();
          // Rotate which goes first so none always inherits another's leftovers.
          const steps = [
            async () => sync.push(await timeSync()),
            async () => curl.push(await timeCurl(config)),
            async () => curlNull.push(await timeCurl(nullConfig)),
          ];
          for (let step = 0; step < steps.length; step += 1) await steps[(run + step) % steps.length]!();
          log(
            `run ${run + 1}/${runs}: sync ${sync.at(-1)!.toFixed(2)} s, curl to disk ${curl.at(-1)!.toFixed(2)} s, curl to /dev/null ${curlNull.at(-1)!.toFixed(2)} s`,
          );
        }
        const bundleSeconds = median([await timeCurl(bundleConfig), await timeCurl(bundleConfig), await timeCurl(bundleConfig)]);
        const syncSeconds = median(sync);
        const curlSeconds = median(curl);
        const curlNullSeconds = median(curlNull);
        return {
          value: round(totalBytes / megabyte / syncSeconds, 1),
          baseline: {
            name: 'curl_same_objects_to_disk_throughput',
            value: round(totalBytes / megabyte / curlSeconds, 1),
            unit: 'MB/s',
            extra: {
              seconds: round(curlSeconds, 3),
              devNullSeconds: round(curlNullSeconds, 3),
              ratioToDevNull: round(curlNullSeconds / syncSeconds, 2),
              bundleDevNullSeconds: round(bundleSeconds, 3),
            },
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

/** One curl process fetching every URL in `config` (making the folders its outputs need); resolves with the body bytes it received. */
function runCurl(config: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      'curl',
      ['--silent', '--show-error', '--fail', '--create-dirs', '--config', config, '--write-out', '%{size_download}\\n'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
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
