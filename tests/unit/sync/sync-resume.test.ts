// A commune's connection drops, the officer presses Stop, the hub goes away: what was
// downloaded is kept, and the next attempt asks only for the rest (the hub's byte counts
// prove it), then installs.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubPaths } from '../../../electron/core/packs/format/catalog';
import type { ApiEvent } from '../../../electron/core/contract';
import {
  changeFiles,
  imagePack,
  makeHubWorld,
  objectsOf,
  sha256Of,
  type HubWorld,
  type ImagePack,
  type Laptop,
} from '../../support/hub-fixtures';
import { startScriptedHub } from '../../support/scripted-hub';

let world: HubWorld;
beforeEach(async () => {
  world = await makeHubWorld();
});
afterEach(() => world.remove());

const packId = 'vn.test.video-lon';
const size = 5 * 1024 * 1024;
/** What a connection may have carried that the laptop never got to write down. */
const chunk = 64 * 1024;

/** A pack of one large file; its object path on the hub. */
function bigPack(version = 1): { pack: ImagePack; object: string; bytes: number } {
  const pack = imagePack(packId, version, 1, () => size);
  const content = pack.files[0]?.content ?? Buffer.alloc(0);
  return { pack, object: hubPaths.object(sha256Of(content)), bytes: content.length };
}

const progressOf = (event: ApiEvent, bytes: number) => event.name === 'sync.progress' && event.payload.doneBytes >= bytes;

async function expectInstalled(laptop: Laptop, pack: ImagePack): Promise<void> {
  expect((await laptop.call('packs.list', {})).packs).toEqual([
    expect.objectContaining({ id: pack.id, version: pack.version, official: true }),
  ]);
  const files = await laptop.files();
  expect(files.objects).toEqual(objectsOf(pack));
  expect(files.staging).toEqual([]);
  expect([...files.downloads.keys()]).toEqual([]);
}

describe('resuming downloads', () => {
  it('continues a file after the connection is cut halfway, without starting over', async () => {
    const { pack, object, bytes } = bigPack();
    await world.publish(pack);
    const hub = await world.serveScripted();
    hub.script(object, { kind: 'cut', afterBytes: Math.floor(bytes / 2) }, 1);
    const laptop = await world.laptop();
    await laptop.call('settings.update', { hubUrl: hub.url });

    await expect(laptop.sync({})).resolves.toEqual({
      cancelled: false,
      results: [{ id: packId, title: pack.title, status: 'installed', version: 1 }],
    });
    const asked = hub.requests.filter((request) => request.path === object);
    expect(asked.map((request) => request.behaviour)).toEqual(['cut', 'pass']);
    expect(asked[0]?.range).toBeUndefined();
    const resumedFrom = Number(/^bytes=(\d+)-$/.exec(asked[1]?.range ?? '')?.[1]);
    expect(resumedFrom).toBeGreaterThan(bytes / 2 - chunk);
    expect(hub.served(object)).toBeLessThanOrEqual(bytes + chunk);
    await expectInstalled(laptop, pack);
  });

  it('keeps what it has when the hub answers a resume with an error page, and resumes after', async () => {
    const { pack, object, bytes } = bigPack();
    await world.publish(pack);
    const hub = await world.serveScripted();
    hub.script(object, { kind: 'cut', afterBytes: Math.floor(bytes / 2) }, 1);
    const page = '<html>Service Unavailable</html>';
    hub.script(object, { kind: 'status', status: 503, body: page, contentType: 'text/html' }, 1);
    const laptop = await world.laptop({ retries: 3 });
    await laptop.call('settings.update', { hubUrl: hub.url });

    await expect(laptop.sync({})).resolves.toMatchObject({ cancelled: false, results: [{ id: packId, status: 'installed' }] });
    const asked = hub.requests.filter((request) => request.path === object);
    expect(asked.map((request) => request.behaviour)).toEqual(['cut', 'status', 'pass']);
    // The third request still continues from the half already here.
    expect(asked[2]?.range).toBe(asked[1]?.range);
    expect(hub.served(object)).toBeLessThanOrEqual(bytes + chunk + page.length);
    await expectInstalled(laptop, pack);
  });

  it('stops when asked, installs nothing, keeps the part, and the next sync fetches only the rest', async () => {
    const { pack, object, bytes } = bigPack();
    await world.publish(pack);
    const hub = await world.serveScripted();
    const first = 1024 * 1024;
    hub.script(object, { kind: 'stall', afterBytes: first }, 1);
    const laptop = await world.laptop({ stallMs: 20_000 });
    await laptop.call('settings.update', { hubUrl: hub.url });

    const running = laptop.sync({});
    await laptop.waitFor((event) => progressOf(event, first));
    await expect(laptop.call('sync.cancel', {})).resolves.toEqual({ cancelled: true });
    await expect(running).resolves.toEqual({ cancelled: true, results: [] });
    await expect(laptop.call('sync.cancel', {})).resolves.toEqual({ cancelled: false });

    expect((await laptop.call('packs.list', {})).packs).toEqual([]);
    const files = await laptop.files();
    expect(files.objects).toEqual([]);
    expect(files.staging).toEqual([]);
    expect(files.downloads).toEqual(new Map([[`${path.basename(object)}.part`, first]]));

    hub.resetCounts();
    await expect(laptop.sync({})).resolves.toMatchObject({ cancelled: false, results: [{ id: packId, status: 'installed' }] });
    expect(hub.requests.filter((request) => request.path === object).map((request) => request.range)).toEqual([`bytes=${first}-`]);
    expect(hub.served(object)).toBe(bytes - first);
    await expectInstalled(laptop, pack);
  });

  it('keeps a file that had finished when the sync was stopped: the next one neither fetches it again nor counts it short', async () => {
    const pack = imagePack(packId, 1, 2, () => 512 * 1024);
    const [done, cut] = pack.files.map((file) => hubPaths.object(sha256Of(file.content))) as [string, string];
    const [doneBytes, cutBytes] = pack.files.map((file) => file.content.length) as [number, number];
    await world.publish(pack);
    const hub = await world.serveScripted();
    const first = 128 * 1024;
    hub.script(cut, { kind: 'stall', afterBytes: first }, 1);
    const laptop = await world.laptop({ stallMs: 20_000 });
    await laptop.call('settings.update', { hubUrl: hub.url });

    const running = laptop.sync({});
    await laptop.waitFor(
      (event) => event.name === 'sync.progress' && event.payload.doneFiles === 1 && event.payload.doneBytes >= doneBytes + first,
    );
    await laptop.call('sync.cancel', {});
    await expect(running).resolves.toEqual({ cancelled: true, results: [] });
    expect((await laptop.call('packs.list', {})).packs).toEqual([]);
    expect((await laptop.files()).downloads).toEqual(
      new Map([
        [`${path.basename(done)}.part`, doneBytes],
        [`${path.basename(cut)}.part`, first],
      ]),
    );

    hub.resetCounts();
    const before = laptop.events.length;
    await expect(laptop.sync({})).resolves.toMatchObject({ cancelled: false, results: [{ id: packId, status: 'installed' }] });
    expect(hub.served(done)).toBe(0);
    expect(hub.served(cut)).toBe(cutBytes - first);
    const last = laptop.events
      .slice(before)
      .filter((event) => event.name === 'sync.progress')
      .at(-1);
    expect(last?.payload).toMatchObject({ doneBytes: doneBytes + cutBytes, totalBytes: doneBytes + cutBytes, doneFiles: 2, totalFiles: 2 });
    await expectInstalled(laptop, pack);
  });

  it('keeps the part when the hub goes away mid-file, and finishes it from the hub at a new address', async () => {
    const v1 = imagePack(packId, 1, 2, () => 10_000);
    await world.publish(v1);
    const hub = await world.serveScripted();
    const laptop = await world.laptop({ retries: 1 });
    await laptop.call('settings.update', { hubUrl: hub.url });
    await laptop.sync({});

    // Version 2 adds a large file; the hub disappears after the first megabyte of it.
    const large = imagePack(packId, 2, 1, () => size).files[0];
    if (!large) throw new Error('no file');
    const v2: ImagePack = { ...v1, version: 2, files: [...v1.files, { ...large, item: 'video', path: 'images/lon.png' }] };
    const object = hubPaths.object(sha256Of(large.content));
    await world.publish(v2);
    const first = 1024 * 1024;
    hub.script(object, { kind: 'stall', afterBytes: first }, 1);
    const running = laptop.fail('sync.run', {});
    await laptop.waitFor((event) => progressOf(event, first));
    await hub.close();
    await expect(running).resolves.toEqual({
      code: 'unavailable',
      messageKey: 'sync:failure.hubUnreachable',
      params: { host: new URL(hub.url).host },
    });

    // Nothing half-installed: version 1 as it was, and the part waiting.
    expect((await laptop.call('packs.list', {})).packs).toEqual([expect.objectContaining({ id: packId, version: 1 })]);
    const files = await laptop.files();
    expect(files.objects).toEqual(objectsOf(v1));
    expect(files.staging).toEqual([]);
    expect(files.downloads).toEqual(new Map([[`${path.basename(object)}.part`, first]]));

    const moved = await startScriptedHub((await world.serve()).url);
    try {
      await laptop.call('settings.update', { hubUrl: moved.url });
      await expect(laptop.sync({})).resolves.toMatchObject({ results: [{ id: packId, status: 'updated', version: 2 }] });
      expect(moved.served(object)).toBe(size + 8 - first);
      await expectInstalled(laptop, v2);
    } finally {
      await moved.close();
    }
  });

  it('drops a part no pack needs any more once a sync completes', async () => {
    const v1 = imagePack(packId, 1, 1, () => 2 * 1024 * 1024);
    await world.publish(v1);
    const hub = await world.serveScripted();
    const object = hubPaths.object(sha256Of(v1.files[0]?.content ?? ''));
    hub.script(object, { kind: 'stall', afterBytes: 256 * 1024 }, 1);
    const laptop = await world.laptop({ stallMs: 20_000 });
    await laptop.call('settings.update', { hubUrl: hub.url });
    const running = laptop.sync({});
    await laptop.waitFor((event) => progressOf(event, 256 * 1024));
    await laptop.call('sync.cancel', {});
    await expect(running).resolves.toMatchObject({ cancelled: true });
    expect([...(await laptop.files()).downloads.keys()]).toEqual([`${path.basename(object)}.part`]);

    // Before the laptop comes back, the province replaces that file.
    const v2 = changeFiles(v1, [0]);
    await world.publish(v2);
    await expect(laptop.sync({})).resolves.toMatchObject({ results: [{ id: packId, status: 'installed', version: 2 }] });
    await expectInstalled(laptop, v2);
  });
});
