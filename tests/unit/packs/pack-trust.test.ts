import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestPack, makePublisher, makeRoot } from '../../support/pack-fixtures';
import { packHarness, type PackHarness } from '../../support/pack-service-harness';

let h: PackHarness;
beforeEach(async () => {
  h = await packHarness();
});
afterEach(() => h.remove());

describe('time and trust', () => {
  // Certificates issued before the story starts, so only the packs' own times move the clock.
  const earlyPublisher = () => makePublisher(h.root, { issuedAt: new Date('2026-01-01'), expiresAt: new Date('2030-01-01') });

  it('still opens an expired pack, marked expired', async () => {
    let now = new Date('2026-06-01T00:00:00Z');
    const packs = await h.open({ clock: () => now });
    await packs.importFile(
      await buildTestPack(h.work, earlyPublisher(), { publishedAt: '2026-05-01T00:00:00.000Z', expiresAt: '2026-07-01T00:00:00.000Z' }),
      'a',
    );
    expect((await packs.list()).packs[0]).toMatchObject({ expired: false });
    now = new Date('2026-08-01T00:00:00Z');
    expect((await packs.list()).packs[0]).toMatchObject({ expired: true, itemCount: 1 });
  });

  it('does not revive an expired pack when the clock is set back', async () => {
    let now = new Date('2026-06-01T00:00:00Z');
    const packs = await h.open({ clock: () => now });
    const publisher = earlyPublisher();
    await packs.importFile(
      await buildTestPack(h.work, publisher, {
        id: 'vn.test.old',
        publishedAt: '2026-05-01T00:00:00.000Z',
        expiresAt: '2026-07-01T00:00:00.000Z',
      }),
      'old',
    );
    // A newer signed pack proves it is at least September.
    await packs.importFile(
      await buildTestPack(h.work, publisher, {
        id: 'vn.test.new',
        publishedAt: '2026-09-01T00:00:00.000Z',
        expiresAt: '2027-09-01T00:00:00.000Z',
      }),
      'new',
    );
    now = new Date('2026-06-15T00:00:00Z');
    const old = (await packs.list()).packs.find((pack) => pack.id === 'vn.test.old');
    expect(old).toMatchObject({ expired: true });
    // Remembered across restarts.
    const reopened = await h.open({ clock: () => new Date('2026-06-15T00:00:00Z') });
    expect((await reopened.list()).packs.find((pack) => pack.id === 'vn.test.old')).toMatchObject({ expired: true });
  });

  it('refuses an expired key even when the clock is set back before its expiry', async () => {
    const packs = await h.open({ clock: () => new Date('2026-06-01T00:00:00Z') });
    await packs.importFile(
      await buildTestPack(h.work, h.publisher, {
        id: 'vn.test.later',
        publishedAt: '2027-03-01T00:00:00.000Z',
        expiresAt: '2028-03-01T00:00:00.000Z',
      }),
      'later',
    );
    const shortLived = makePublisher(h.root, { issuedAt: new Date('2026-01-01'), expiresAt: new Date('2026-12-31') });
    await expect(packs.importFile(await buildTestPack(h.work, shortLived, { id: 'vn.test.x' }), 'x')).rejects.toMatchObject({
      reason: 'expiredKey',
    });
  });

  it('adds and removes roots, and stops vouching for packs of a removed root', async () => {
    const packs = await h.open({ builtInRoots: path.join(h.work, 'no-built-in') });
    const district = await makeRoot(path.join(h.work, 'district'), { name: 'Sở TT&TT (thử)' });
    const publisher = makePublisher(district);
    const file = await buildTestPack(h.work, publisher);
    await expect(packs.importFile(file, 'a')).rejects.toMatchObject({ reason: 'unknownRoot' });
    await expect(packs.addRoot(district.file)).resolves.toMatchObject({ keyId: district.file.keyId, builtIn: false, role: 'official' });
    await packs.importFile(file, 'a');
    expect((await packs.list()).packs[0]).toMatchObject({ trust: 'ok', official: true });
    await expect(packs.removeRoot(district.file.keyId)).resolves.toBe(true);
    expect((await packs.list()).packs[0]).toMatchObject({ trust: 'untrusted', official: false });
    expect(packs.roots()).toEqual([]);
  });

  it('ignores a root file whose key id does not match its key', async () => {
    const dir = path.join(h.work, 'bad-roots');
    const good = await makeRoot(dir);
    await writeFile(path.join(dir, 'forged.json'), JSON.stringify({ ...good.file, keyId: 'f'.repeat(32) }));
    const packs = await h.open({ builtInRoots: dir });
    expect(packs.roots().map((root) => root.keyId)).toEqual([good.file.keyId]);
  });

  it('moves a damaged trust state aside, says so, and relearns versions from what is installed', async () => {
    const packs = await h.open();
    await packs.importFile(await buildTestPack(h.work, h.publisher, { version: 2 }), 'v2');
    await writeFile(path.join(h.dataDir, 'trust', 'state.json'), '{"broken');
    const reopened = await h.open();
    expect(h.damaged).toEqual([path.join(h.dataDir, 'trust', 'state.json')]);
    // Rollback protection survives: version 2 is installed, so version 1 is still refused.
    await expect(reopened.importFile(await buildTestPack(h.work, h.publisher, { version: 1 }), 'v1')).rejects.toMatchObject({
      reason: 'rollback',
    });
  });
});
