// Every way a hub, a network or a setting can be wrong: each says so clearly (a failure the
// person can act on, or a refusal naming the reason), installs nothing, half-installs
// nothing, and leaves the version already installed exactly as it was.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../electron/core/i18n/translator';
import { openPackArchive } from '../../../electron/core/packs/archive/pack-archive-reader';
import { revokeKeys } from '../../../electron/core/packs/authoring/sign-documents';
import { hubPaths } from '../../../electron/core/packs/format/catalog';
import {
  changeFiles,
  hubSigner,
  imagePack,
  makeHubWorld,
  objectsOf,
  sha256Of,
  signCatalog,
  type HubWorld,
  type ImagePack,
  type Laptop,
} from '../../support/hub-fixtures';
import { buildTestPack, makePublisher, makeRoot } from '../../support/pack-fixtures';
import type { ScriptedHub } from '../../support/scripted-hub';

let world: HubWorld;
beforeEach(async () => {
  world = await makeHubWorld();
});
afterEach(() => world.remove());

const packId = 'vn.test.phong-benh';
const { t } = createTranslator('vi');
const say = (key: string, params: Record<string, string | number> = {}) =>
  (t as unknown as (key: string, params: object) => string)(key, params);

interface Prepared {
  readonly hub: ScriptedHub;
  readonly laptop: Laptop;
  readonly v1: ImagePack;
  readonly v2: ImagePack;
  /** The hub path of a file version 2 changed, which the laptop lacks. */
  readonly changed: string;
  readonly changedSize: number;
}

/** A laptop with version 1 installed from the hub, and version 2 (one file changed) published since. */
async function prepare(options: { stallMs?: number; retries?: number } = {}): Promise<Prepared> {
  const v1 = imagePack(packId, 1, 4, (index) => 30_000 + index * 10_000);
  await world.publish(v1);
  const hub = await world.serveScripted();
  const laptop = await world.laptop(options);
  await laptop.call('settings.update', { hubUrl: hub.url });
  await laptop.sync({});
  const v2 = changeFiles(v1, [2]);
  await world.publish(v2);
  const content = v2.files[2]?.content ?? Buffer.alloc(0);
  hub.resetCounts();
  return { hub, laptop, v1, v2, changed: hubPaths.object(sha256Of(content)), changedSize: content.length };
}

/** Version 1 installed and complete, nothing else in the store, nothing staged; the catalog accepted is `catalog`. */
async function expectVersion1Intact({ laptop, v1 }: Prepared, catalog = 1): Promise<void> {
  expect((await laptop.call('packs.list', {})).packs).toEqual([
    expect.objectContaining({ id: packId, version: 1, official: true, trust: 'ok', itemCount: 4 }),
  ]);
  const files = await laptop.files();
  expect(files.objects).toEqual(objectsOf(v1));
  expect(files.staging).toEqual([]);
  expect((await laptop.call('sync.status', {})).catalog).toMatchObject({ version: catalog });
}

describe('a hub that sends the wrong thing', () => {
  it('refuses a file whose bytes are not the signed ones, keeps no part of it, and installs nothing', async () => {
    const ready = await prepare();
    const { hub, laptop, changed, changedSize } = ready;
    hub.script(changed, { kind: 'body', body: Buffer.alloc(changedSize, 7) });
    const error = await laptop.fail('sync.run', {});
    expect(error).toEqual({ code: 'unavailable', messageKey: 'sync:failure.wrongBytes', params: { path: changed } });
    expect(say(error.messageKey, error.params)).toBe(
      `Máy chủ gửi sai nội dung tệp “${changed}” (không khớp chữ ký). Không cài gì; hãy báo cho cán bộ kỹ thuật.`,
    );
    // Tried once more from the start, then gave up.
    expect(hub.requests.filter((request) => request.path === changed).map((request) => request.range)).toEqual([undefined, undefined]);
    await expectVersion1Intact(ready, 2);
    expect([...(await laptop.files()).downloads.keys()]).toEqual([]);
  });

  it('refuses a file longer than signed', async () => {
    const ready = await prepare();
    ready.hub.script(ready.changed, { kind: 'body', body: Buffer.alloc(ready.changedSize + 10, 7) });
    await expect(ready.laptop.fail('sync.run', {})).resolves.toEqual({
      code: 'unavailable',
      messageKey: 'sync:failure.wrongBytes',
      params: { path: ready.changed },
    });
    await expectVersion1Intact(ready, 2);
  });

  it.each([
    ['the catalog', () => hubPaths.catalog],
    ['a file', (ready: Prepared) => ready.changed],
    ['a manifest', () => hubPaths.packDocument(packId, 2, 'manifest.json')],
  ])('says the hub does not have %s (404)', async (_name, which) => {
    const ready = await prepare();
    const missing = which(ready);
    ready.hub.script(missing, { kind: 'status', status: 404, body: 'Not found' });
    const error = await ready.laptop.fail('sync.run', {});
    expect(error).toEqual({ code: 'unavailable', messageKey: 'sync:failure.notFound', params: { path: missing } });
    expect(say(error.messageKey, error.params)).toBe(`Máy chủ không có “${missing}”. Có thể địa chỉ máy chủ chưa đúng.`);
    await expectVersion1Intact(ready, missing === hubPaths.catalog ? 1 : 2);
  });

  it.each([
    ['the catalog', () => hubPaths.catalog],
    ['a file', (ready: Prepared) => ready.changed],
  ])('says the hub failed (500) on %s', async (_name, which) => {
    const ready = await prepare({ retries: 1 });
    const broken = which(ready);
    ready.hub.script(broken, { kind: 'status', status: 500, body: 'Internal Server Error' });
    const error = await ready.laptop.fail('sync.run', {});
    expect(error).toEqual({ code: 'unavailable', messageKey: 'sync:failure.serverError', params: { status: 500, path: broken } });
    expect(say(error.messageKey, error.params)).toBe(`Máy chủ báo lỗi (500) khi tải “${broken}”. Hãy thử lại sau.`);
    await expectVersion1Intact(ready, broken === hubPaths.catalog ? 1 : 2);
  });

  it.each([
    [
      'an HTML page',
      { kind: 'body', body: '<!doctype html><title>Đăng nhập Wi-Fi</title><form>…</form>', contentType: 'text/html; charset=utf-8' },
    ],
    [
      'an HTML page that calls itself something else',
      { kind: 'body', body: '<!doctype html><title>Đăng nhập Wi-Fi</title>', contentType: 'application/octet-stream' },
    ],
    ['nothing', { kind: 'body', body: '', contentType: 'application/json' }],
  ] as const)('says a captive portal answered with %s instead of the catalog', async (_name, behaviour) => {
    const ready = await prepare();
    ready.hub.script(hubPaths.catalog, behaviour);
    const error = await ready.laptop.fail('sync.check', {});
    expect(error).toEqual({ code: 'unavailable', messageKey: 'sync:failure.notJson', params: { path: hubPaths.catalog } });
    expect(say(error.messageKey, error.params)).toBe(
      'Máy chủ trả về một trang khác thay vì danh mục (“catalog.json”). Có thể mạng cần đăng nhập, hoặc địa chỉ máy chủ chưa đúng.',
    );
    await expectVersion1Intact(ready);
  });

  it('says a captive portal that redirects to its login page is not the hub', async () => {
    const ready = await prepare();
    ready.hub.script(hubPaths.catalog, { kind: 'status', status: 302, headers: { Location: `${ready.hub.url}dang-nhap.html` } });
    ready.hub.script('dang-nhap.html', { kind: 'body', body: '<html><body>Đăng nhập</body></html>', contentType: 'text/html' });
    await expect(ready.laptop.fail('sync.check', {})).resolves.toMatchObject({ code: 'unavailable', messageKey: 'sync:failure.notJson' });
    await expectVersion1Intact(ready);
  });

  it('gives up on a catalog that stalls, saying so', async () => {
    const ready = await prepare({ stallMs: 1_000 });
    ready.hub.script(hubPaths.catalog, { kind: 'stall', afterBytes: 20 });
    const error = await ready.laptop.fail('sync.check', {});
    expect(error).toEqual({ code: 'unavailable', messageKey: 'sync:failure.stalled', params: { host: new URL(ready.hub.url).host } });
    expect(say(error.messageKey, error.params)).toBe(
      `Đường truyền tới ${new URL(ready.hub.url).host} bị treo. Phần đã tải được giữ lại; hãy thử lại.`,
    );
    await expectVersion1Intact(ready);
  });

  it('gives up on a file that keeps stalling, keeping what arrived', async () => {
    const ready = await prepare({ stallMs: 1_000, retries: 1 });
    ready.hub.script(ready.changed, { kind: 'stall', afterBytes: 1_000 });
    await expect(ready.laptop.fail('sync.run', {})).resolves.toMatchObject({ code: 'unavailable', messageKey: 'sync:failure.stalled' });
    await expectVersion1Intact(ready, 2);
    const part = (await ready.laptop.files()).downloads.get(`${path.basename(ready.changed)}.part`);
    expect(part).toBeGreaterThanOrEqual(1_000);
    expect(part).toBeLessThan(ready.changedSize);
  });
});

/** A pack that carries the root's revocation of the hub's key (as a root would after the key leaked). */
function packRevokingHubKey(): Promise<string> {
  const list = revokeKeys(world.root.secret, undefined, [world.hubKey.secret.keyId], 'khóa bị lộ', new Date());
  const revocations = { bytes: Buffer.from(list.text), signature: Buffer.from(JSON.stringify(list.signature)) };
  return buildTestPack(world.work, world.publisher, { id: 'vn.test.mang-danh-sach' }, { revocations });
}

describe('a catalog the laptop must not believe', () => {
  it('refuses a catalog signed by a key no trusted root vouches for', async () => {
    const ready = await prepare();
    const stranger = await makeRoot(path.join(world.work, 'stranger'));
    const forged = hubSigner(makePublisher(stranger));
    ready.hub.script(hubPaths.catalog, {
      kind: 'body',
      body: signCatalog(forged, { version: 50, withdrawn: [{ packId, at: new Date().toISOString() }] }),
      contentType: 'application/json',
    });
    const error = await ready.laptop.fail('sync.check', {});
    expect(error).toEqual({
      code: 'refused',
      messageKey: 'packs:refused.unknownRoot',
      params: { pack: 'catalog.json', keyId: stranger.file.keyId },
    });
    await expectVersion1Intact(ready);
    expect((await ready.laptop.call('packs.list', {})).packs[0]?.withdrawn).toBeNull();
  });

  it('refuses a catalog whose text was changed after signing', async () => {
    const ready = await prepare();
    const file = JSON.parse(await world.catalogText()) as { catalog: { document: string } };
    file.catalog.document = file.catalog.document.replace(
      '"withdrawn": []',
      `"withdrawn": [{ "packId": "${packId}", "at": "2026-01-01T00:00:00.000Z" }]`,
    );
    ready.hub.script(hubPaths.catalog, { kind: 'body', body: JSON.stringify(file), contentType: 'application/json' });
    await expect(ready.laptop.fail('sync.check', {})).resolves.toMatchObject({ code: 'refused', messageKey: 'packs:refused.badSignature' });
    await expectVersion1Intact(ready);
  });

  it('refuses a catalog whose hub key has expired', async () => {
    const ready = await prepare();
    const day = 24 * 3600_000;
    const expired = hubSigner(
      makePublisher(world.root, { issuedAt: new Date(Date.now() - 400 * day), expiresAt: new Date(Date.now() - day) }),
    );
    ready.hub.script(hubPaths.catalog, { kind: 'body', body: signCatalog(expired, { version: 9 }), contentType: 'application/json' });
    const error = await ready.laptop.fail('sync.check', {});
    expect(error).toMatchObject({
      code: 'refused',
      messageKey: 'packs:refused.expiredKey',
      params: { pack: 'catalog.json', keyId: expired.key.keyId },
    });
    await expectVersion1Intact(ready);
  });

  it('refuses a catalog whose hub key was revoked, learnt from a pack file', async () => {
    const ready = await prepare();
    // A pack from a USB stick carries the root's newest revocation list.
    await ready.laptop.core.packs.importFile(await packRevokingHubKey(), 'mang-danh-sach.chieng');

    const error = await ready.laptop.fail('sync.check', {});
    expect(error).toMatchObject({
      code: 'refused',
      messageKey: 'packs:refused.revokedKey',
      params: { pack: 'catalog.json', keyId: world.hubKey.secret.keyId },
    });
    expect((await ready.laptop.call('packs.list', {})).packs.map((pack) => [pack.id, pack.version])).toEqual([
      ['vn.test.mang-danh-sach', 1],
      [packId, 1],
    ]);
    expect((await ready.laptop.call('sync.status', {})).catalog).toMatchObject({ version: 1 });
  });

  it('refuses a catalog whose hub key was revoked, learnt from the revocation list the hub itself carries', async () => {
    const ready = await prepare();
    // The list reaches the hub inside a pack; publishing copies it to trust/<root key id>/.
    await world.publishFile(await packRevokingHubKey());
    const error = await ready.laptop.fail('sync.check', {});
    expect(error).toMatchObject({
      code: 'refused',
      messageKey: 'packs:refused.revokedKey',
      params: { pack: 'catalog.json', keyId: world.hubKey.secret.keyId },
    });
    expect(ready.hub.served(hubPaths.revocations(world.root.file.keyId, 'revocations.json'))).toBeGreaterThan(0);
    await expectVersion1Intact(ready);
  });

  it('refuses a catalog naming packs outside what the hub key may speak for', async () => {
    const ready = await prepare();
    ready.hub.script(hubPaths.catalog, {
      kind: 'body',
      body: signCatalog(world.signer, { version: 7, withdrawn: [{ packId: 'vn.khac.goi-cua-noi-khac', at: new Date().toISOString() }] }),
      contentType: 'application/json',
    });
    await expect(ready.laptop.fail('sync.check', {})).resolves.toEqual({
      code: 'refused',
      messageKey: 'packs:refused.prefixNotAllowed',
      params: { pack: 'catalog.json', id: 'vn.khac.goi-cua-noi-khac' },
    });
    await expectVersion1Intact(ready);
  });

  it('refuses a manifest on the hub that is not the one the catalog names', async () => {
    const ready = await prepare();
    // The hub's catalog names version 2; its folder holds another signed version 2.
    const other = changeFiles(ready.v1, [0]);
    const otherFile = await world.build(other);
    const archive = await openPackArchive(otherFile, 'other');
    const manifest = await archive.readSmall('manifest.json', 1024 * 1024);
    const signature = await archive.readSmall('manifest.sig', 4096);
    archive.close();
    ready.hub.script(hubPaths.packDocument(packId, 2, 'manifest.json'), {
      kind: 'body',
      body: Buffer.from(manifest),
      contentType: 'application/json',
    });
    ready.hub.script(hubPaths.packDocument(packId, 2, 'manifest.sig'), {
      kind: 'body',
      body: Buffer.from(signature),
      contentType: 'application/json',
    });
    await expect(ready.laptop.fail('sync.run', {})).resolves.toMatchObject({ code: 'refused', messageKey: 'packs:refused.keyMismatch' });
    await expectVersion1Intact(ready, 2);
  });

  it('keeps a newer version than the hub offers, and says the hub is behind', async () => {
    const v1 = imagePack(packId, 1, 2, () => 5_000);
    await world.publish(v1);
    const hub = await world.serveScripted();
    const laptop = await world.laptop();
    const v2 = changeFiles(v1, [1]);
    await laptop.core.packs.importFile(await world.build(v2), 'v2.chieng');
    await laptop.call('settings.update', { hubUrl: hub.url });

    const check = await laptop.call('sync.check', {});
    expect(check.packs).toEqual([
      expect.objectContaining({ id: packId, state: 'older', version: 1, installedVersion: 2, downloadBytes: 0 }),
    ]);
    expect(say('sync:state.older', { version: 1, installed: 2 })).toBe('Máy chủ có bản cũ hơn bản trên máy (1 < 2); giữ bản trên máy');
    await expect(laptop.sync({})).resolves.toEqual({ cancelled: false, results: [] });
    expect([...hub.servedMatching(/^objects\//).keys()]).toEqual([]);
    expect((await laptop.call('packs.list', {})).packs).toEqual([expect.objectContaining({ id: packId, version: 2 })]);
    expect((await laptop.files()).objects).toEqual(objectsOf(v2));
  });
});

describe('a pack that cannot be installed', () => {
  it('fails alone when the disk is full: the other packs of the sync install, nothing half-installed', async () => {
    const small = imagePack('vn.test.nho', 1, 2, () => 1_000);
    const large = imagePack('vn.test.lon', 1, 2, () => 200_000, 'Gói lớn');
    await world.publish(small);
    await world.publish(large);
    const hub = await world.serveScripted();
    const laptop = await world.laptop({ freeBytes: () => Promise.resolve(100_000) });
    await laptop.call('settings.update', { hubUrl: hub.url });
    const run = await laptop.sync({});
    expect(run).toEqual({
      cancelled: false,
      results: [
        {
          id: 'vn.test.lon',
          title: 'Gói lớn',
          status: 'failed',
          version: 1,
          failure: { messageKey: 'packs:refused.diskFull', params: { pack: 'Gói lớn', needed: 400_016, free: 100_000 } },
        },
        { id: 'vn.test.nho', title: small.title, status: 'installed', version: 1 },
      ],
    });
    const failure = run.results[0]?.failure;
    expect(say(failure?.messageKey ?? '', failure?.params)).toBe(
      'Không cài được “Gói lớn”: ổ đĩa không đủ chỗ. Hãy giải phóng dung lượng rồi thử lại; gói đang dùng vẫn giữ nguyên.',
    );
    // Refused before a byte of it was fetched.
    expect([...hub.servedMatching(/^objects\//).keys()].sort()).toEqual(
      objectsOf(small)
        .map((sha) => hubPaths.object(sha))
        .sort(),
    );
    expect((await laptop.call('packs.list', {})).packs.map((pack) => pack.id)).toEqual(['vn.test.nho']);
    const files = await laptop.files();
    expect(files.objects).toEqual(objectsOf(small));
    expect(files.staging).toEqual([]);
  });

  it('says a disk that refuses a downloaded file is the disk’s failure, at once, not the hub’s after retries', async () => {
    const ready = await prepare();
    const { hub, laptop, changed } = ready;
    // Where the changed file's download is to be written, something the disk will not write a file over.
    await mkdir(path.join(laptop.dataDir, 'store', 'downloads', `${changed.split('/').at(-1) ?? ''}.part`), { recursive: true });
    const run = await laptop.sync({});
    expect(run.results).toEqual([
      expect.objectContaining({
        id: packId,
        status: 'failed',
        failure: { messageKey: 'packs:refused.storageFailed', params: expect.objectContaining({ detail: 'EISDIR' }) as unknown },
      }),
    ]);
    // Asked once: a disk that refused will refuse again.
    expect(hub.requests.filter((request) => request.path === changed)).toHaveLength(1);
    await expectVersion1Intact(ready, 2);
  });
});

describe('no hub at all', () => {
  it('says the laptop is offline, not that something broke, when the network is gone', async () => {
    const v1 = imagePack(packId, 1, 1, () => 1_000);
    await world.publish(v1);
    const hub = await world.serve();
    const laptop = await world.laptop();
    await laptop.call('settings.update', { hubUrl: hub.url });
    await laptop.sync({});

    await laptop.call('settings.update', { hubUrl: 'http://chieng-hub.invalid/' });
    for (const method of ['sync.check', 'sync.run'] as const) {
      const error = await laptop.fail(method, {});
      expect(error).toEqual({ code: 'unavailable', messageKey: 'sync:failure.offline', params: { host: 'chieng-hub.invalid' } });
      expect(say(error.messageKey, error.params)).toBe(
        'Máy đang không có mạng. Chiêng vẫn dùng bình thường với các gói đã có; hãy đồng bộ khi có mạng.',
      );
    }
    expect((await laptop.call('packs.list', {})).packs).toEqual([expect.objectContaining({ id: packId, version: 1 })]);
    expect((await laptop.call('sync.status', {})).catalog).toMatchObject({ version: 1 });
  });

  it('says the hub cannot be reached when nothing listens there', async () => {
    const hub = await world.serveScripted();
    const laptop = await world.laptop();
    await laptop.call('settings.update', { hubUrl: hub.url });
    await hub.close();
    const error = await laptop.fail('sync.check', {});
    expect(error).toEqual({ code: 'unavailable', messageKey: 'sync:failure.hubUnreachable', params: { host: new URL(hub.url).host } });
    expect(say(error.messageKey, error.params)).toBe(
      `Không kết nối được máy chủ ${new URL(hub.url).host}. Phần đã tải được giữ lại; hãy thử lại sau.`,
    );
  });

  it('asks for a hub address first', async () => {
    const laptop = await world.laptop();
    for (const method of ['sync.check', 'sync.run'] as const) {
      const error = await laptop.fail(method, {});
      expect(error).toEqual({ code: 'invalid_input', messageKey: 'sync:noHub', field: 'hubUrl' });
      expect(say(error.messageKey)).toBe('Chưa đặt địa chỉ máy chủ của tỉnh.');
    }
    await expect(laptop.call('sync.status', {})).resolves.toEqual({ hubUrl: '', catalog: null, withdrawn: [] });
  });

  it.each(['ftp://hub.daklak.gov.vn/', 'hub.daklak.gov.vn', 'javascript:alert(1)', 'file:///etc/passwd', `http://${'a'.repeat(500)}.vn/`])(
    'refuses the hub address %j and keeps the one it had',
    async (url) => {
      const laptop = await world.laptop();
      await laptop.call('settings.update', { hubUrl: 'http://hub.daklak.invalid/' });
      const error = await laptop.fail('settings.update', { hubUrl: url });
      expect(error).toMatchObject({ code: 'invalid_input', field: 'hubUrl' });
      await expect(laptop.call('settings.get', {})).resolves.toMatchObject({ hubUrl: 'http://hub.daklak.invalid/' });
      expect(laptop.events.filter((event) => event.name === 'settings.changed')).toHaveLength(1);
    },
  );

  it('forgets the hub when the address is cleared', async () => {
    const laptop = await world.laptop();
    await laptop.call('settings.update', { hubUrl: 'https://hub.daklak.invalid/chieng/' });
    await laptop.call('settings.update', { hubUrl: '' });
    await expect(laptop.fail('sync.check', {})).resolves.toMatchObject({ messageKey: 'sync:noHub' });
  });
});
