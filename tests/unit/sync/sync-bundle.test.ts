// A first install of a pack of many files comes as one bundle (its files end to end), not one
// request per file. Whatever goes wrong with the bundle (an older hub without one, wrong
// bytes, a cut line) the rest comes file by file, and nothing that arrived is fetched twice.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubPaths } from '../../../electron/core/packs/format/catalog';
import {
  changeFiles,
  imagePack,
  makeHubWorld,
  objectsOf,
  sha256Of,
  type HubWorld,
  type ImagePack,
  type Laptop,
  type LaptopOptions,
} from '../../support/hub-fixtures';
import type { ScriptedHub } from '../../support/scripted-hub';

let world: HubWorld;
beforeEach(async () => {
  world = await makeHubWorld();
});
afterEach(() => world.remove());

const packId = 'vn.test.nhieu-anh';
const fileCount = 40;
const bundle = hubPaths.bundle(packId, 1);
const objectPaths = /^objects\//;
/** What a connection may have carried that the laptop never got to write down. */
const chunk = 64 * 1024;

function manyFiles(version = 1): { pack: ImagePack; total: number } {
  const pack = imagePack(packId, version, fileCount, (index) => 30_000 + index * 1_000);
  return { pack, total: pack.files.reduce((sum, file) => sum + file.content.length, 0) };
}

/** The pack published, the hub served (scriptable), a laptop pointed at it. */
async function published(options: LaptopOptions = {}): Promise<{ pack: ImagePack; total: number; hub: ScriptedHub; laptop: Laptop }> {
  const { pack, total } = manyFiles();
  await world.publish(pack);
  const hub = await world.serveScripted();
  const laptop = await world.laptop(options);
  await laptop.call('settings.update', { hubUrl: hub.url });
  return { pack, total, hub, laptop };
}

async function expectInstalled(laptop: Laptop, pack: ImagePack): Promise<void> {
  expect((await laptop.call('packs.list', {})).packs).toEqual([
    expect.objectContaining({ id: pack.id, version: pack.version, official: true, itemCount: fileCount }),
  ]);
  const files = await laptop.files();
  expect(files.objects).toEqual(objectsOf(pack));
  expect(files.staging).toEqual([]);
  expect([...files.downloads.keys()]).toEqual([]);
}

const installed = (pack: ImagePack) => ({
  cancelled: false,
  results: [{ id: packId, title: pack.title, status: 'installed', version: pack.version }],
});

describe('a first install from a bundle', () => {
  it('publishes the files end to end in manifest order, and installs them with one request', async () => {
    const { pack, total, hub, laptop } = await published();
    expect((await readFile(path.join(world.hubDir, bundle))).equals(Buffer.concat(pack.files.map((file) => file.content)))).toBe(true);

    await expect(laptop.sync({})).resolves.toEqual(installed(pack));
    expect(hub.served(bundle)).toBe(total);
    expect(hub.servedMatching(objectPaths).size).toBe(0);
    await expectInstalled(laptop, pack);
    const last = laptop.events.filter((event) => event.name === 'sync.progress').at(-1);
    expect(last?.payload).toMatchObject({ doneBytes: total, totalBytes: total, doneFiles: fileCount, totalFiles: fileCount });
  });

  it('fetches file by file from a hub that has no bundle (published by an older Chiêng)', async () => {
    const { pack, total, hub, laptop } = await published();
    hub.script(bundle, { kind: 'status', status: 404, body: 'Not found' });

    await expect(laptop.sync({})).resolves.toEqual(installed(pack));
    const perFile = hub.servedMatching(objectPaths);
    expect(perFile.size).toBe(fileCount);
    expect([...perFile.values()].reduce((sum, bytes) => sum + bytes, 0)).toBe(total);
    await expectInstalled(laptop, pack);
  });

  it('drops a file whose bytes in the bundle are wrong, fetches it and the rest file by file, and installs only the signed bytes', async () => {
    const { pack, hub, laptop } = await published();
    // A bundle as long as the real one whose first file is not the signed one.
    const real = await readFile(path.join(world.hubDir, bundle));
    const forged = Buffer.from(real);
    forged.fill(0x41, 100, 200);
    hub.script(bundle, { kind: 'body', body: forged, contentType: 'application/octet-stream' });

    await expect(laptop.sync({})).resolves.toEqual(installed(pack));
    const first = pack.files[0]?.content ?? Buffer.alloc(0);
    expect(hub.served(hubPaths.object(sha256Of(first)))).toBe(first.length);
    expect(hub.servedMatching(objectPaths).size).toBe(fileCount);
    await expectInstalled(laptop, pack);
  });

  it('after a cut line, fetches only what the bundle had not brought, resuming the file it was cut in', async () => {
    const { pack, total, hub, laptop } = await published();
    const cutAt = Math.floor(total / 2);
    hub.script(bundle, { kind: 'cut', afterBytes: cutAt }, 1);

    await expect(laptop.sync({})).resolves.toEqual(installed(pack));
    const bundleBytes = hub.served(bundle);
    const perFile = hub.servedMatching(objectPaths);
    const perFileBytes = [...perFile.values()].reduce((sum, bytes) => sum + bytes, 0);
    // Nothing fetched twice beyond what the connection may have carried unwritten.
    expect(bundleBytes + perFileBytes).toBeLessThanOrEqual(total + chunk);
    // Files wholly before the cut are not asked for again.
    let offset = 0;
    for (const file of pack.files) {
      if (offset + file.content.length <= bundleBytes - chunk) expect(perFile.has(hubPaths.object(sha256Of(file.content)))).toBe(false);
      offset += file.content.length;
    }
    // The file the line dropped in continues from where it was cut.
    const resumed = hub.requests.filter((request) => objectPaths.test(request.path) && request.range);
    expect(resumed).toHaveLength(1);
    await expectInstalled(laptop, pack);
  });

  it('keeps what the bundle brought when the sync is stopped, and the next sync fetches only the rest', async () => {
    const { pack, total, hub, laptop } = await published({ stallMs: 20_000 });
    const stopAt = Math.floor(total / 2);
    hub.script(bundle, { kind: 'stall', afterBytes: stopAt }, 1);

    const running = laptop.sync({});
    await hub.stalled(bundle);
    await laptop.waitFor((event) => event.name === 'sync.progress' && event.payload.doneBytes >= stopAt - chunk);
    await laptop.call('sync.cancel', {});
    await expect(running).resolves.toEqual({ cancelled: true, results: [] });
    expect((await laptop.call('packs.list', {})).packs).toEqual([]);
    const kept = (await laptop.files()).downloads;
    expect([...kept.values()].reduce((sum, bytes) => sum + bytes, 0)).toBeGreaterThan(stopAt - chunk);

    hub.resetCounts();
    const before = laptop.events.length;
    await expect(laptop.sync({})).resolves.toEqual(installed(pack));
    expect(hub.served(bundle)).toBe(0);
    const perFileBytes = [...hub.servedMatching(objectPaths).values()].reduce((sum, bytes) => sum + bytes, 0);
    expect(perFileBytes).toBe(total - [...kept.values()].reduce((sum, bytes) => sum + bytes, 0));
    const last = laptop.events
      .slice(before)
      .filter((event) => event.name === 'sync.progress')
      .at(-1);
    expect(last?.payload).toMatchObject({ doneBytes: total, totalBytes: total, doneFiles: fileCount, totalFiles: fileCount });
    await expectInstalled(laptop, pack);
  });

  it('checks again a whole file a stopped sync left, and fetches it anew if it was damaged meanwhile', async () => {
    const { pack, hub, laptop } = await published({ stallMs: 20_000 });
    hub.script(bundle, { kind: 'stall', afterBytes: 200_000 }, 1);
    const running = laptop.sync({});
    await hub.stalled(bundle);
    await laptop.waitFor((event) => event.name === 'sync.progress' && event.payload.doneFiles >= 2);
    await laptop.call('sync.cancel', {});
    await expect(running).resolves.toEqual({ cancelled: true, results: [] });

    const first = pack.files[0]?.content ?? Buffer.alloc(0);
    const firstSha = sha256Of(first);
    const whole = `${firstSha.slice(0, 2)}/${firstSha}`;
    expect((await laptop.files()).downloads.get(whole)).toBe(first.length);
    await writeFile(path.join(laptop.dataDir, 'store', 'downloads', ...whole.split('/')), Buffer.alloc(first.length, 0x42));

    hub.resetCounts();
    await expect(laptop.sync({})).resolves.toEqual(installed(pack));
    expect(hub.served(hubPaths.object(firstSha))).toBe(first.length);
    await expectInstalled(laptop, pack);
  });

  it('installs a second pack from its bundle beside the first, into folders the store already has', async () => {
    const { pack, hub, laptop } = await published();
    const other = imagePack('vn.test.nhieu-anh-khac', 1, fileCount, (index) => 20_000 + index * 500);
    await world.publish(other);

    const run = await laptop.sync({});
    expect(run.results.map((result) => [result.id, result.status])).toEqual([
      [packId, 'installed'],
      ['vn.test.nhieu-anh-khac', 'installed'],
    ]);
    expect(hub.served(hubPaths.bundle('vn.test.nhieu-anh-khac', 1))).toBeGreaterThan(0);
    expect(hub.servedMatching(objectPaths).size).toBe(0);
    const files = await laptop.files();
    expect(files.objects).toEqual([...objectsOf(pack), ...objectsOf(other)].sort());
    expect(files.staging).toEqual([]);
    expect([...files.downloads.keys()]).toEqual([]);
  });

  it('reports a disk that refuses a file of the bundle as the disk’s failure, installs nothing, and the next sync succeeds', async () => {
    const { pack, laptop } = await published();
    // Where the tenth file is to be written, something the disk will not write a file over.
    const blocked = sha256Of(pack.files[9]?.content ?? Buffer.alloc(0));
    const obstacle = path.join(laptop.dataDir, 'store', 'downloads', blocked.slice(0, 2), blocked);
    await mkdir(obstacle, { recursive: true });

    const run = await laptop.sync({});
    expect(run.results).toEqual([
      expect.objectContaining({
        id: packId,
        status: 'failed',
        failure: { messageKey: 'packs:refused.storageFailed', params: expect.objectContaining({ detail: 'EISDIR' }) as unknown },
      }),
    ]);
    expect((await laptop.call('packs.list', {})).packs).toEqual([]);
    await rm(obstacle, { recursive: true });
    const left = await laptop.files();
    expect(left.objects).toEqual([]);
    expect(left.staging).toEqual([]);

    await expect(laptop.sync({})).resolves.toEqual(installed(pack));
    await expectInstalled(laptop, pack);
  });

  it('updates file by file: only the changed files are fetched, never the bundle', async () => {
    const { pack, hub, laptop } = await published();
    await laptop.sync({});

    const v2 = changeFiles(pack, [3, 17]);
    await world.publish(v2);
    hub.resetCounts();
    await expect(laptop.sync({})).resolves.toEqual({
      cancelled: false,
      results: [{ id: packId, title: v2.title, status: 'updated', version: 2 }],
    });
    expect(hub.served(hubPaths.bundle(packId, 2))).toBe(0);
    const changed = [3, 17].map((index) => v2.files[index]?.content ?? Buffer.alloc(0));
    expect(hub.servedMatching(objectPaths)).toEqual(
      new Map(changed.map((content) => [hubPaths.object(sha256Of(content)), content.length])),
    );
  });
});
