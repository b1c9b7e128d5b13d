// A catalog older than one already accepted (stale), a different catalog under a version
// already accepted (replayed), or one past its expiry: the laptop acts on none of them and
// keeps working with what it has.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withdrawFromHub } from '../../../hub/hub-folder';
import { createTranslator } from '../../../electron/core/i18n/translator';
import { hubPaths, type Catalog } from '../../../electron/core/packs/format/catalog';
import {
  hubSigner,
  imagePack,
  makeHubWorld,
  objectsOf,
  openLaptop,
  signCatalog,
  type HubWorld,
  type Laptop,
} from '../../support/hub-fixtures';
import type { ScriptedHub } from '../../support/scripted-hub';

let world: HubWorld;
beforeEach(async () => {
  world = await makeHubWorld();
});
afterEach(() => world.remove());

const { t } = createTranslator('vi');
const day = 24 * 3600_000;
const packs = ['vn.test.mot', 'vn.test.hai', 'vn.test.ba'].map((id) => imagePack(id, 1, 2, () => 3_000));
const late = imagePack('vn.test.bon', 1, 2, () => 40_000);

/** Asserts that the laptop still has exactly what it had after accepting catalog `version`. */
async function expectUnchanged(laptop: Laptop, version: number): Promise<void> {
  const listed = (await laptop.call('packs.list', {})).packs;
  expect(listed.map((pack) => [pack.id, pack.version, pack.withdrawn, pack.withdrawnItems])).toEqual([
    ['vn.test.ba', 1, null, []],
    ['vn.test.hai', 1, null, []],
    ['vn.test.mot', 1, null, []],
  ]);
  expect((await laptop.files()).objects).toEqual(packs.flatMap(objectsOf).sort());
  const status = await laptop.call('sync.status', {});
  expect(status.catalog).toMatchObject({ version });
  expect(status.withdrawn).toEqual([]);
}

describe('catalogs the laptop will not go back to', () => {
  let hub: ScriptedHub;
  let laptop: Laptop;
  let current: Catalog;

  beforeEach(async () => {
    for (const pack of packs) current = await world.publish(pack);
    expect(current.version).toBe(3);
    hub = await world.serveScripted();
    laptop = await world.laptop();
    await laptop.call('settings.update', { hubUrl: hub.url });
    await laptop.sync({});
    await expectUnchanged(laptop, 3);
    // Since then the hub has published a fourth pack (catalog 4), which the laptop has not seen.
    await world.publish(late);
    hub.resetCounts();
  });

  /** A catalog listing the fourth pack and withdrawing some of what the laptop has. */
  const tempting = (version: number): string =>
    signCatalog(world.signer, {
      version,
      packs: current.packs,
      withdrawn: [
        { packId: 'vn.test.mot', itemId: 'anh-1', at: new Date().toISOString() },
        { packId: 'vn.test.hai', at: new Date().toISOString() },
      ],
    });

  it('ignores a catalog older than the one it has (stale), applying none of its withdrawals', async () => {
    hub.script(hubPaths.catalog, { kind: 'body', body: tempting(2), contentType: 'application/json' });
    const check = await laptop.call('sync.check', {});
    expect(check).toEqual({
      catalog: {
        status: 'stale',
        version: 2,
        knownVersion: 3,
        issuedAt: expect.any(String) as string,
        expiresAt: expect.any(String) as string,
      },
      catalogSha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      packs: [],
    });
    expect(t('sync:catalog.stale', { version: 2, known: 3 })).toBe(
      'Máy chủ trả về danh mục cũ (phiên bản 2, máy này đã có 3). Có thể đường truyền đã bị can thiệp; Chiêng giữ nguyên những gì đang có.',
    );
    await expect(laptop.sync({})).resolves.toEqual({ cancelled: false, results: [] });
    expect([...hub.servedMatching(/^(objects|packs)\//).keys()]).toEqual([]);
    await expectUnchanged(laptop, 3);
  });

  it('ignores another catalog under the version it has (replayed)', async () => {
    hub.script(hubPaths.catalog, { kind: 'body', body: tempting(3), contentType: 'application/json' });
    const check = await laptop.call('sync.check', {});
    expect(check).toMatchObject({ catalog: { status: 'replayed', version: 3, knownVersion: 3 }, packs: [] });
    await expect(laptop.sync({})).resolves.toEqual({ cancelled: false, results: [] });
    expect([...hub.servedMatching(/^(objects|packs)\//).keys()]).toEqual([]);
    await expectUnchanged(laptop, 3);
  });

  it('takes the honest newer catalog after refusing a stale one', async () => {
    hub.script(hubPaths.catalog, { kind: 'body', body: tempting(2), contentType: 'application/json' }, 1);
    await expect(laptop.call('sync.check', {})).resolves.toMatchObject({ catalog: { status: 'stale' } });
    // The honest hub again: catalog 4, with the fourth pack.
    const check = await laptop.call('sync.check', {});
    expect(check.catalog).toMatchObject({ status: 'ok', version: 4, knownVersion: 3 });
    expect(check.packs.filter((pack) => pack.state === 'new').map((pack) => pack.id)).toEqual(['vn.test.bon']);
    await expect(laptop.sync({})).resolves.toMatchObject({ results: [{ id: 'vn.test.bon', status: 'installed' }] });
  });
});

describe('an expired catalog', () => {
  it('is not acted on, and the laptop keeps working with what it has', async () => {
    const pack = packs[0];
    if (!pack) throw new Error('no pack');
    await world.publish(pack);
    const hub = await world.serveScripted();
    const first = await world.laptop();
    await first.call('settings.update', { hubUrl: hub.url });
    await first.sync({});
    const accepted = (await first.call('sync.status', {})).catalog;
    await first.close();

    // The hub now signs catalogs valid for one day: it offers a new pack and withdraws the old
    // one. The laptop comes back three days later.
    const shortLived = hubSigner(world.hubKey, 1);
    await world.publish(late, { signer: shortLived });
    await withdrawFromHub(world.hubDir, shortLived, 'vn.test.mot', undefined, 'Đã lỗi thời');
    const later = new Date(Date.now() + 3 * day);
    const laptop = await openLaptop(first.dataDir, world.root, { clock: () => later });
    try {
      const check = await laptop.call('sync.check', {});
      expect(check).toMatchObject({ catalog: { status: 'expired', version: 3, knownVersion: 1 }, packs: [] });
      expect(t('sync:catalog.expired', { date: check.catalog.expiresAt.slice(0, 10) })).toMatch(
        /^Danh mục của máy chủ đã hết hạn \(\d{4}-\d{2}-\d{2}\)\. Chiêng giữ nguyên những gì đang có; hãy báo cho cán bộ kỹ thuật\.$/,
      );
      await expect(laptop.sync({})).resolves.toEqual({ cancelled: false, results: [] });
      expect((await laptop.call('packs.list', {})).packs).toEqual([
        expect.objectContaining({ id: 'vn.test.mot', withdrawn: null, trust: 'ok' }),
      ]);
      const status = await laptop.call('sync.status', {});
      expect(status.catalog).toEqual({ ...accepted, expired: false });
      expect(status.withdrawn).toEqual([]);
    } finally {
      await laptop.close();
    }
  });

  it('shows the accepted catalog as expired once its time has passed, still listing every pack', async () => {
    const pack = packs[0];
    if (!pack) throw new Error('no pack');
    await world.publish(pack);
    const hub = await world.serve();
    const first = await world.laptop();
    await first.call('settings.update', { hubUrl: hub.url });
    await first.sync({});
    await first.close();

    const laptop = await openLaptop(first.dataDir, world.root, { clock: () => new Date(Date.now() + 31 * day) });
    try {
      await expect(laptop.call('sync.status', {})).resolves.toMatchObject({ catalog: { version: 1, expired: true } });
      expect(t('sync:catalogExpiredKnown')).toBe(
        'Danh mục đã nhận đã hết hạn: hãy đồng bộ khi có mạng để biết tài liệu nào đã bị thu hồi.',
      );
      expect((await laptop.call('packs.list', {})).packs).toEqual([expect.objectContaining({ id: 'vn.test.mot', trust: 'ok' })]);
      // The hub's catalog is the same, now past its time too.
      await expect(laptop.call('sync.check', {})).resolves.toMatchObject({ catalog: { status: 'expired', version: 1 } });
    } finally {
      await laptop.close();
    }
  });
});
