// Sync from the hub when all goes well: a new pack arrives official and complete; an update
// fetches only the files that changed, and the hub's own byte counts prove it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../electron/core/i18n/translator';
import { hubPaths } from '../../../electron/core/packs/format/catalog';
import { changeFiles, imagePack, makeHubWorld, objectsOf, sha256Of, type HubWorld } from '../../support/hub-fixtures';

let world: HubWorld;
beforeEach(async () => {
  world = await makeHubWorld();
});
afterEach(() => world.remove());

const packId = 'vn.test.tuyen-truyen';
const objectPaths = /^objects\//;

describe('syncing from a hub', () => {
  it('installs a new pack as official with all its items, then says there is nothing new', async () => {
    const v1 = imagePack(packId, 1, 6, (index) => 2_000 + index * 100);
    await world.publish(v1);
    const hub = await world.serve();
    const laptop = await world.laptop();
    await laptop.call('settings.update', { hubUrl: hub.url });

    const check = await laptop.call('sync.check', {});
    expect(check.catalog).toMatchObject({ status: 'ok', version: 1, knownVersion: null });
    const total = v1.files.reduce((sum, file) => sum + file.content.length, 0);
    expect(check.packs).toEqual([
      {
        id: packId,
        title: { vi: v1.title },
        version: 1,
        installedVersion: null,
        state: 'new',
        downloadBytes: total,
        totalBytes: total,
        fileCount: 6,
      },
    ]);

    const run = await laptop.sync({});
    expect(run).toEqual({ cancelled: false, results: [{ id: packId, title: v1.title, status: 'installed', version: 1 }] });
    const { t } = createTranslator('vi');
    expect(t('sync:result.installed', { title: run.results[0]?.title, version: 1 })).toBe(`Đã cài “${v1.title}” (phiên bản 1).`);

    const { packs } = await laptop.call('packs.list', {});
    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatchObject({
      id: packId,
      version: 1,
      official: true,
      trust: 'ok',
      itemCount: 6,
      withdrawn: null,
      withdrawnItems: [],
      diskBytes: total,
    });
    const files = await laptop.files();
    expect(files.objects).toEqual(objectsOf(v1));
    expect(files.staging).toEqual([]);
    expect([...files.downloads.keys()]).toEqual([]);
    expect(laptop.events.filter((event) => event.name === 'packs.changed')).toEqual([{ name: 'packs.changed', payload: { id: packId } }]);

    // The same catalog again: the pack is current, nothing is fetched.
    await expect(laptop.call('sync.check', {})).resolves.toMatchObject({
      catalog: { status: 'ok', version: 1, knownVersion: 1 },
      packs: [{ id: packId, state: 'current', installedVersion: 1, downloadBytes: 0 }],
    });
    await expect(laptop.sync({})).resolves.toEqual({ cancelled: false, results: [] });
  });

  it('fetches only the files an update changed, and reports its progress', { timeout: 60_000 }, async () => {
    // 40 files; version 2 changes two of them (5%).
    const v1 = imagePack(packId, 1, 40, (index) => 20_000 + index * 1_000);
    await world.publish(v1);
    const hub = await world.serveScripted();
    const laptop = await world.laptop();
    await laptop.call('settings.update', { hubUrl: hub.url });
    await laptop.sync({});
    expect((await laptop.files()).objects).toEqual(objectsOf(v1));

    const changed = [7, 31];
    const v2 = changeFiles(v1, changed);
    await world.publish(v2);
    const changedObjects = changed.map((index) => v2.files[index]?.content ?? Buffer.alloc(0));
    const changedBytes = changedObjects.reduce((sum, content) => sum + content.length, 0);
    // Slowly enough that speed and time left can be measured.
    for (const content of changedObjects) hub.script(hubPaths.object(sha256Of(content)), { kind: 'slow', pieceBytes: 4_096, pauseMs: 10 });
    hub.resetCounts();

    const check = await laptop.call('sync.check', {});
    expect(check.catalog).toMatchObject({ status: 'ok', version: 2, knownVersion: 1 });
    expect(check.packs).toEqual([
      expect.objectContaining({ id: packId, state: 'update', version: 2, installedVersion: 1, downloadBytes: changedBytes, fileCount: 40 }),
    ]);
    // Checking fetched the catalog and the new version's signed documents, no file.
    expect([...hub.servedMatching(objectPaths).keys()]).toEqual([]);

    laptop.events.length = 0;
    const run = await laptop.sync({});
    expect(run).toEqual({ cancelled: false, results: [{ id: packId, title: v2.title, status: 'updated', version: 2 }] });

    // The hub sent exactly the two changed files, each once and whole.
    expect(Object.fromEntries(hub.servedMatching(objectPaths))).toEqual(
      Object.fromEntries(changedObjects.map((content) => [hubPaths.object(sha256Of(content)), content.length])),
    );

    const progress = laptop.events.flatMap((event) => (event.name === 'sync.progress' ? [event.payload] : []));
    expect(progress.length).toBeGreaterThan(2);
    for (const each of progress) {
      expect(each).toMatchObject({ packId, title: v2.title, totalBytes: changedBytes, totalFiles: 2 });
      expect(each.doneBytes).toBeLessThanOrEqual(changedBytes);
      expect(each.bytesPerSecond).toBeGreaterThanOrEqual(0);
      expect(each.secondsLeft === null || each.secondsLeft >= 0).toBe(true);
    }
    expect(progress.map((each) => each.doneBytes)).toEqual([...progress.map((each) => each.doneBytes)].sort((a, b) => a - b));
    expect(progress.some((each) => each.bytesPerSecond > 0 && typeof each.secondsLeft === 'number')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ doneBytes: changedBytes, doneFiles: 2 });

    const { packs } = await laptop.call('packs.list', {});
    expect(packs).toEqual([expect.objectContaining({ id: packId, version: 2, official: true, itemCount: 40 })]);
    const files = await laptop.files();
    expect(files.objects).toEqual(objectsOf(v2));
    expect(files.staging).toEqual([]);
    expect([...files.downloads.keys()]).toEqual([]);
  });

  it('shows the catalog it accepted, even with the hub gone', async () => {
    await world.publish(imagePack(packId, 1, 2, () => 1_000));
    const hub = await world.serve();
    const laptop = await world.laptop();
    await expect(laptop.call('sync.status', {})).resolves.toEqual({ hubUrl: '', catalog: null, withdrawn: [] });
    await laptop.call('settings.update', { hubUrl: hub.url });
    const check = await laptop.call('sync.check', {});
    expect(laptop.events.some((event) => event.name === 'sync.changed')).toBe(true);
    await hub.close();

    const status = await laptop.call('sync.status', {});
    expect(status).toEqual({
      hubUrl: hub.url,
      catalog: {
        version: 1,
        issuedAt: check.catalog.issuedAt,
        expiresAt: check.catalog.expiresAt,
        fetchedAt: expect.any(String) as string,
        expired: false,
      },
      withdrawn: [],
    });
    expect(Date.parse(status.catalog?.expiresAt ?? '') - Date.parse(status.catalog?.issuedAt ?? '')).toBe(30 * 24 * 3600_000);
  });

  it('installs two packs that share a file, storing and fetching that file once', async () => {
    const one = imagePack('vn.test.mot', 1, 3, () => 3_000);
    const shared = one.files[0];
    if (!shared) throw new Error('no file');
    const two = {
      ...imagePack('vn.test.hai', 1, 2, () => 3_000),
      files: [
        shared,
        ...imagePack('vn.test.hai', 1, 1, () => 3_000).files.map((file) => ({ ...file, item: 'rieng', path: 'images/rieng.png' })),
      ],
    };
    await world.publish(one);
    await world.publish(two);
    const hub = await world.serveScripted();
    const laptop = await world.laptop();
    await laptop.call('settings.update', { hubUrl: hub.url });
    const run = await laptop.sync({});
    expect(run.results.map((result) => [result.id, result.status])).toEqual([
      ['vn.test.hai', 'installed'],
      ['vn.test.mot', 'installed'],
    ]);
    expect(hub.served(hubPaths.object(sha256Of(shared.content)))).toBe(shared.content.length);
    expect((await laptop.files()).objects).toEqual([...new Set([...objectsOf(one), ...objectsOf(two)])].sort());
  });

  it('installs only the packs asked for, and offers the rest again next time', async () => {
    const one = imagePack('vn.test.mot', 1, 2, () => 2_000);
    const two = imagePack('vn.test.hai', 1, 2, () => 2_000);
    await world.publish(one);
    await world.publish(two);
    const hub = await world.serveScripted();
    const laptop = await world.laptop();
    await laptop.call('settings.update', { hubUrl: hub.url });
    await expect(laptop.sync({ ids: ['vn.test.hai'] })).resolves.toMatchObject({
      results: [{ id: 'vn.test.hai', status: 'installed' }],
    });
    expect([...hub.servedMatching(objectPaths).keys()].sort()).toEqual(
      objectsOf(two)
        .map((sha) => hubPaths.object(sha))
        .sort(),
    );
    expect((await laptop.call('packs.list', {})).packs.map((pack) => pack.id)).toEqual(['vn.test.hai']);
    const check = await laptop.call('sync.check', {});
    expect(check.packs.map((pack) => [pack.id, pack.state])).toEqual([
      ['vn.test.hai', 'current'],
      ['vn.test.mot', 'new'],
    ]);
  });
});
