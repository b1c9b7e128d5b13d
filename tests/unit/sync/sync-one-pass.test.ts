// One sync pass per click: the run given the hash of the check shown fetches each signed
// document once in all (at the check) and each file once, and answers with the new state;
// a catalog republished between the check and the run is noticed, said, shown, and nothing
// is installed from it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokeKeys } from '../../../electron/core/packs/authoring/sign-documents';
import { hubPaths } from '../../../electron/core/packs/format/catalog';
import {
  imagePack,
  makeHubWorld,
  objectsOf,
  openLaptop,
  specOf,
  type HubWorld,
  type ImagePack,
  type Laptop,
  type LaptopOptions,
} from '../../support/hub-fixtures';
import { buildTestPack } from '../../support/pack-fixtures';
import type { ScriptedHub } from '../../support/scripted-hub';

let world: HubWorld;
beforeEach(async () => {
  world = await makeHubWorld();
});
afterEach(() => world.remove());

/** Many files: a first install fetches them as one bundle. */
const bundled = imagePack('vn.test.nhieu-anh', 1, 40, (index) => 3_000 + index * 10, 'Nhiều ảnh');
/** Few files: fetched one by one. */
const small = imagePack('vn.test.it-anh', 1, 3, () => 2_000, 'Ít ảnh');
const late = imagePack('vn.test.moi-dang', 1, 2, () => 2_500, 'Mới đăng');
const packDocuments = ['manifest.json', 'manifest.sig', 'publisher.json', 'publisher.sig'];

/** Requests the hub received, per path. */
function requestCounts(hub: ScriptedHub): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of hub.requests) counts[request.path] = (counts[request.path] ?? 0) + 1;
  return counts;
}

const documentsOf = (pack: ImagePack) => packDocuments.map((name) => hubPaths.packDocument(pack.id, pack.version, name));
/** The revocation list and its signature of every root `laptop` trusts (the test root, and those the app ships). */
const revocationLists = (laptop: Laptop) =>
  laptop.core.packs.trust
    .roots()
    .flatMap((root) => ['revocations.json', 'revocations.sig'].map((name) => hubPaths.revocations(root.keyId, name)));

async function syncingLaptop(options: LaptopOptions = {}): Promise<{ hub: ScriptedHub; laptop: Laptop }> {
  const hub = await world.serveScripted();
  const laptop = await world.laptop(options);
  await laptop.call('settings.update', { hubUrl: hub.url });
  return { hub, laptop };
}

async function expectNothingInstalled(laptop: Laptop): Promise<void> {
  expect((await laptop.call('packs.list', {})).packs).toEqual([]);
  const files = await laptop.files();
  expect(files.objects).toEqual([]);
  expect(files.staging).toEqual([]);
}

describe('one sync pass per click', () => {
  it('fetches each signed document once and each file once for a check and the run of what it showed', async () => {
    // The hub carries its root's revocation list (copied there from a pack that brought it).
    const list = revokeKeys(world.root.secret, undefined, ['ab'.repeat(16)], 'thử nghiệm', new Date());
    const revocations = { bytes: Buffer.from(list.text), signature: Buffer.from(JSON.stringify(list.signature)) };
    await world.publishFile(await buildTestPack(world.work, world.publisher, specOf(bundled), { revocations }));
    await world.publish(small);
    const { hub, laptop } = await syncingLaptop();

    const check = await laptop.call('sync.check', {});
    expect(check.catalogSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(check.packs.map((pack) => [pack.id, pack.state])).toEqual([
      [small.id, 'new'],
      [bundled.id, 'new'],
    ]);
    const run = await laptop.call('sync.run', { catalogSha256: check.catalogSha256 });

    expect(requestCounts(hub)).toEqual(
      Object.fromEntries(
        [
          hubPaths.catalog,
          ...revocationLists(laptop),
          ...documentsOf(bundled),
          ...documentsOf(small),
          hubPaths.bundle(bundled.id, 1),
          ...objectsOf(small).map((sha256) => hubPaths.object(sha256)),
        ].map((path) => [path, 1]),
      ),
    );
    expect(run).toMatchObject({
      outcome: 'synced',
      cancelled: false,
      results: [
        { id: small.id, status: 'installed', version: 1 },
        { id: bundled.id, status: 'installed', version: 1 },
      ],
    });
    // The new state, judged without asking the hub: what a check now says.
    expect(run.check).toEqual({ ...(await laptop.call('sync.check', {})), catalog: check.catalog });
    expect(run.check.packs.map((pack) => [pack.id, pack.state, pack.installedVersion])).toEqual([
      [small.id, 'current', 1],
      [bundled.id, 'current', 1],
    ]);
    expect((await laptop.files()).objects).toEqual([...objectsOf(bundled), ...objectsOf(small)].sort());
  });

  it('counts the whole run with one progress counter, not one per pack', async () => {
    await world.publish(bundled);
    await world.publish(small);
    const { laptop } = await syncingLaptop();
    const check = await laptop.call('sync.check', {});
    await laptop.call('sync.run', { catalogSha256: check.catalogSha256 });

    const progress = laptop.events.flatMap((event) => (event.name === 'sync.progress' ? [event.payload] : []));
    const files = [...bundled.files, ...small.files];
    const totalBytes = files.reduce((sum, file) => sum + file.content.length, 0);
    expect(progress.length).toBeGreaterThan(1);
    for (const each of progress) expect(each).toMatchObject({ totalBytes, totalFiles: files.length });
    expect(progress.map((each) => each.doneBytes)).toEqual(progress.map((each) => each.doneBytes).sort((a, b) => a - b));
    expect(new Set(progress.map((each) => each.packId))).toEqual(new Set([bundled.id, small.id]));
    expect(progress.at(-1)).toMatchObject({ doneBytes: totalBytes, doneFiles: files.length });
  });

  it('installs nothing from a catalog republished since the check shown, says so with the new check, and installs it once shown', async () => {
    await world.publish(small);
    // The check shown is past its time by the click: the run reads the catalog again.
    const { hub, laptop } = await syncingLaptop({ checkMaxAgeMs: 0 });
    const shown = await laptop.call('sync.check', {});
    // The province publishes another pack meanwhile: a new catalog.
    await world.publish(late);
    hub.resetCounts();

    const run = await laptop.call('sync.run', { catalogSha256: shown.catalogSha256 });
    expect(run.outcome).toBe('catalogChanged');
    expect(run).not.toHaveProperty('results');
    expect(run.check.catalogSha256).not.toBe(shown.catalogSha256);
    expect(run.check.catalog).toMatchObject({ status: 'ok', version: shown.catalog.version + 1 });
    expect(run.check.packs.map((pack) => [pack.id, pack.state])).toEqual([
      [small.id, 'new'],
      [late.id, 'new'],
    ]);
    // It read the new catalog and the new pack's documents (the other's it had), and fetched no file.
    expect(requestCounts(hub)).toEqual(
      Object.fromEntries([hubPaths.catalog, ...revocationLists(laptop), ...documentsOf(late)].map((path) => [path, 1])),
    );
    await expectNothingInstalled(laptop);
    expect(laptop.events.filter((event) => event.name === 'packs.changed')).toEqual([]);

    // Once the new check is shown, its run installs both, fetching no pack document again.
    hub.resetCounts();
    const again = await laptop.call('sync.run', { catalogSha256: run.check.catalogSha256 });
    expect(again).toMatchObject({
      outcome: 'synced',
      results: [
        { id: small.id, status: 'installed' },
        { id: late.id, status: 'installed' },
      ],
    });
    expect(hub.requests.filter((request) => request.path.startsWith('packs/'))).toEqual([]);
    expect((await laptop.files()).objects).toEqual([...objectsOf(small), ...objectsOf(late)].sort());
  });

  it('installs only what the check shown offered, while it is young enough to be taken as it is', async () => {
    await world.publish(small);
    const { hub, laptop } = await syncingLaptop();
    const shown = await laptop.call('sync.check', {});
    await world.publish(late);
    hub.resetCounts();

    const run = await laptop.call('sync.run', { catalogSha256: shown.catalogSha256 });
    expect(run).toMatchObject({ outcome: 'synced', results: [{ id: small.id, status: 'installed' }] });
    expect(run.check.catalogSha256).toBe(shown.catalogSha256);
    expect(hub.requests.filter((request) => !request.path.startsWith('objects/'))).toEqual([]);
    // The newer catalog is for the next check to show.
    expect((await laptop.call('packs.list', {})).packs.map((pack) => pack.id)).toEqual([small.id]);
    expect((await laptop.call('sync.check', {})).packs.map((pack) => [pack.id, pack.state])).toEqual([
      [small.id, 'current'],
      [late.id, 'new'],
    ]);
  });

  it('installs nothing when another check saw a newer catalog since the one shown', async () => {
    await world.publish(small);
    const { laptop } = await syncingLaptop();
    const shown = await laptop.call('sync.check', {});
    await world.publish(late);
    // Another window checks: the core now keeps the newer catalog's check.
    const newer = await laptop.call('sync.check', {});

    const run = await laptop.call('sync.run', { catalogSha256: shown.catalogSha256 });
    expect(run).toMatchObject({ outcome: 'catalogChanged', check: { catalogSha256: newer.catalogSha256 } });
    await expectNothingInstalled(laptop);
  });

  it('installs from the catalog shown after the core restarted, reading the catalog again to be sure it is the same', async () => {
    await world.publish(small);
    const { hub, laptop } = await syncingLaptop();
    const shown = await laptop.call('sync.check', {});
    await laptop.close();

    // The app restarted between the check and the click: no check is kept.
    const restarted = await openLaptop(laptop.dataDir, world.root);
    try {
      hub.resetCounts();
      const run = await restarted.call('sync.run', { catalogSha256: shown.catalogSha256 });
      expect(run).toMatchObject({ outcome: 'synced', results: [{ id: small.id, status: 'installed', version: 1 }] });
      expect(run.check.catalogSha256).toBe(shown.catalogSha256);
      expect(requestCounts(hub)).toEqual(
        Object.fromEntries(
          [
            hubPaths.catalog,
            ...revocationLists(restarted),
            ...documentsOf(small),
            ...objectsOf(small).map((sha256) => hubPaths.object(sha256)),
          ].map((path) => [path, 1]),
        ),
      );
    } finally {
      await restarted.close();
    }
  });

  it('reads the catalog again, but no pack document, for a check older than its time', async () => {
    await world.publish(small);
    const { hub, laptop } = await syncingLaptop({ checkMaxAgeMs: 0 });
    const shown = await laptop.call('sync.check', {});
    hub.resetCounts();
    const run = await laptop.call('sync.run', { catalogSha256: shown.catalogSha256 });
    expect(run).toMatchObject({ outcome: 'synced', results: [{ id: small.id, status: 'installed' }] });
    expect(requestCounts(hub)).toEqual(
      Object.fromEntries(
        [hubPaths.catalog, ...revocationLists(laptop), ...objectsOf(small).map((sha256) => hubPaths.object(sha256))].map((path) => [
          path,
          1,
        ]),
      ),
    );
  });

  it('refuses a catalog hash that is not one', async () => {
    const { laptop } = await syncingLaptop();
    await expect(laptop.fail('sync.run', { catalogSha256: 'not-a-hash' })).resolves.toMatchObject({
      code: 'invalid_input',
      field: 'catalogSha256',
    });
  });
});
