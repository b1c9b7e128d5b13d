// Withdrawing outdated guidance: the province withdraws a pack or one of its items with
// `chieng hub withdraw`; after one sync the laptop shows it withdrawn, also offline and after
// a restart, and never downloads a pack that is withdrawn as a whole.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubPaths } from '../../../electron/core/packs/format/catalog';
import { chiengAt, linesOf } from '../../support/cli-authoring';
import { imagePack, makeHubWorld, objectsOf, openLaptop, type HubWorld } from '../../support/hub-fixtures';

let world: HubWorld;
let chieng: ReturnType<typeof chiengAt>;
beforeEach(async () => {
  world = await makeHubWorld();
  const home = path.join(world.work, 'home');
  await mkdir(home);
  chieng = chiengAt(home);
});
afterEach(() => world.remove());

describe('withdrawals from the hub', () => {
  it(
    'shows a withdrawn item and a withdrawn pack after one sync, offline and after a restart, and never downloads a withdrawn pack',
    { timeout: 90_000 },
    async () => {
      const guide = imagePack('vn.test.huong-dan', 1, 3, () => 2_000, 'Hướng dẫn phòng bệnh');
      const old = imagePack('vn.test.cu', 1, 2, () => 2_000, 'Tài liệu cũ');
      await world.publish(guide);
      await world.publish(old);
      const hub = await world.serveScripted();
      const laptop = await world.laptop();
      await laptop.call('settings.update', { hubUrl: hub.url });
      await laptop.sync({});
      expect((await laptop.call('packs.list', {})).packs.map((pack) => [pack.id, pack.withdrawn, pack.withdrawnItems])).toEqual([
        ['vn.test.cu', null, []],
        ['vn.test.huong-dan', null, []],
      ]);

      // The province withdraws one item of a pack, a whole pack, and a pack no laptop has yet.
      const keyFiles = await world.writeKeyFiles();
      const signer = ['--dir', world.hubDir, '--key', keyFiles.hubKey];
      const item = await chieng(['hub', 'withdraw', 'vn.test.huong-dan', '--item', 'anh-2', '--reason', 'Đã có hướng dẫn mới', ...signer]);
      expect(item.stderr).toBe('');
      expect(linesOf(item.stdout)).toEqual(['Đã thu hồi tài liệu anh-2 của gói vn.test.huong-dan (danh mục phiên bản 3).']);
      const pack = await chieng(['hub', 'withdraw', 'vn.test.cu', ...signer, '--json']);
      expect(JSON.parse(pack.stdout)).toEqual({ catalogVersion: 4, id: 'vn.test.cu', item: null });
      const unwanted = imagePack('vn.test.sai', 1, 2, () => 50_000, 'Tài liệu sai');
      await world.publish(unwanted);
      expect(linesOf((await chieng(['hub', 'withdraw', 'vn.test.sai', ...signer])).stdout)).toEqual([
        'Đã thu hồi gói vn.test.sai (danh mục phiên bản 6).',
      ]);

      const check = await laptop.call('sync.check', {});
      expect(check.catalog).toMatchObject({ status: 'ok', version: 6 });
      expect(check.packs.map((each) => [each.id, each.state, each.downloadBytes])).toEqual([
        ['vn.test.cu', 'withdrawn', 0],
        ['vn.test.huong-dan', 'current', 0],
        ['vn.test.sai', 'withdrawn', 0],
      ]);
      const expectWithdrawals = async () => {
        const listed = (await laptop.call('packs.list', {})).packs;
        expect(listed.map((each) => each.id)).toEqual(['vn.test.cu', 'vn.test.huong-dan']);
        expect(listed[0]).toMatchObject({ id: 'vn.test.cu', withdrawn: { at: expect.any(String) as string }, withdrawnItems: [] });
        expect(listed[1]).toMatchObject({ id: 'vn.test.huong-dan', withdrawn: null, withdrawnItems: ['anh-2'] });
        const status = await laptop.call('sync.status', {});
        expect(status.catalog).toMatchObject({ version: 6, expired: false });
        expect(status.withdrawn).toEqual([
          { packId: 'vn.test.huong-dan', itemId: 'anh-2', reason: 'Đã có hướng dẫn mới', at: expect.any(String) as string },
          { packId: 'vn.test.cu', at: expect.any(String) as string },
          { packId: 'vn.test.sai', at: expect.any(String) as string },
        ]);
      };
      await expectWithdrawals();

      // Syncing fetches nothing of the withdrawn pack; a withdrawn pack stays installed and shown so.
      hub.resetCounts();
      await expect(laptop.sync({})).resolves.toEqual({ cancelled: false, results: [] });
      for (const sha of objectsOf(unwanted)) expect(hub.served(hubPaths.object(sha))).toBe(0);
      expect(hub.requests.filter((request) => request.path.startsWith('packs/vn.test.sai/'))).toEqual([]);
      expect((await laptop.files()).objects).toEqual([...objectsOf(guide), ...objectsOf(old)].sort());

      // Offline: the hub is gone, the laptop still knows.
      await hub.close();
      await expectWithdrawals();
      await expect(laptop.fail('sync.check', {})).resolves.toMatchObject({
        code: 'unavailable',
        messageKey: 'sync:failure.hubUnreachable',
      });
      await expectWithdrawals();

      // And after a restart.
      await laptop.close();
      const again = await openLaptop(laptop.dataDir, world.root);
      try {
        const listed = (await again.call('packs.list', {})).packs;
        expect(listed.map((each) => [each.id, each.withdrawn !== null, each.withdrawnItems])).toEqual([
          ['vn.test.cu', true, []],
          ['vn.test.huong-dan', false, ['anh-2']],
        ]);
        expect((await again.call('sync.status', {})).withdrawn).toHaveLength(3);
      } finally {
        await again.close();
      }
    },
  );

  it('refuses to withdraw what the hub does not list, in one line, and signs no new catalog', { timeout: 60_000 }, async () => {
    await world.publish(imagePack('vn.test.huong-dan', 1, 1, () => 1_000));
    const before = await world.catalogText();
    const keyFiles = await world.writeKeyFiles();
    const signer = ['--dir', world.hubDir, '--key', keyFiles.hubKey];
    const noItem = await chieng(['hub', 'withdraw', 'vn.test.huong-dan', '--item', 'khong-co', ...signer]);
    expect([noItem.code, noItem.stdout, linesOf(noItem.stderr)]).toEqual([
      1,
      '',
      ['chieng: Gói “vn.test.huong-dan” không có tài liệu “khong-co”.'],
    ]);
    const noPack = await chieng(['hub', 'withdraw', 'vn.test.khac', ...signer]);
    expect([noPack.code, noPack.stdout, linesOf(noPack.stderr)]).toEqual([1, '', ['chieng: Máy chủ không có gói “vn.test.khac”.']]);
    const outside = await chieng(['hub', 'withdraw', 'vn.other.goi', ...signer]);
    expect([outside.code, linesOf(outside.stderr)]).toEqual([
      1,
      ['chieng: Khóa của máy chủ không được phép đăng gói “vn.other.goi” (chỉ: vn.test.).'],
    ]);
    expect(await world.catalogText()).toBe(before);
  });
});
