import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/core/api/dispatcher';
import { unlockedGate } from '../../support/open-gate';
import { contract } from '../../../electron/core/contract';
import { libraryHandlers } from '../../../electron/core/library/library-handlers';
import { LibraryService } from '../../../electron/core/library/library-service';
import { materialResponse } from '../../../electron/core/library/material-response';
import { openPlansStore } from '../../../electron/core/plans/plans-store';
import { buildTestPack } from '../../support/pack-fixtures';
import { packHarness, type PackHarness } from '../../support/pack-service-harness';

let h: PackHarness;
beforeEach(async () => {
  h = await packHarness();
});
afterEach(() => h.remove());

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000, 7)]);
const items = [
  {
    id: 'khau-trang',
    kind: 'article',
    languages: ['vi'],
    topics: ['covid19', '5k'],
    title: 'Đeo khẩu trang đúng cách',
    summary: 'Khi nào và đeo thế nào',
    source: 'Sở Y tế Đắk Lắk',
    license: 'Được phổ biến rộng rãi',
    files: [{ path: 'bai/khau-trang.md', content: '# Khẩu trang\n\nĐeo **khẩu trang** khi đến chỗ đông người ở Đắk Lắk.\n' }],
  },
  {
    id: 'ede',
    kind: 'article',
    languages: ['rad'],
    topics: ['dan-toc'],
    title: 'Tiếng Ê-đê',
    files: [{ path: 'bai/ede.md', content: '# Êđê\n\nBuôn ở Cư M’gar.\n' }],
  },
  { id: 'anh', kind: 'image', languages: ['vi'], topics: ['5k'], title: 'Hình 5K', files: [{ path: 'anh/5k.png', content: png }] },
];

async function libraryWithPack() {
  const packs = await h.open();
  await packs.importFile(await buildTestPack(h.work, h.publisher, { items }), 'a');
  return { packs, library: new LibraryService(packs, h.dataDir) };
}

/** The library's methods as a transport reaches them: through the contract's checks. */
async function api() {
  const { packs, library } = await libraryWithPack();
  const handlers = libraryHandlers(library) as Partial<Handlers> as Handlers;
  return { packs, library, call: createDispatcher(contract, handlers, unlockedGate, () => undefined) };
}

describe('the library', () => {
  it('lists every material with where it comes from, filterable', async () => {
    const { library } = await libraryWithPack();
    const all = await library.list({});
    expect(all.materials.map((material) => material.id).sort()).toEqual([
      'vn.test.covid19/anh',
      'vn.test.covid19/ede',
      'vn.test.covid19/khau-trang',
    ]);
    expect(all.packs).toEqual([
      expect.objectContaining({ id: 'vn.test.covid19', official: true, trust: 'ok', expired: false, withdrawn: false }),
    ]);
    expect(all.facets).toEqual({ topics: ['5k', 'covid19', 'dan-toc'], languages: ['rad', 'vi'], kinds: ['article', 'image'] });
    expect((await library.list({ topic: '5k' })).materials.map((material) => material.itemId).sort()).toEqual(['anh', 'khau-trang']);
    expect((await library.list({ kind: 'image' })).materials.map((material) => material.itemId)).toEqual(['anh']);
    expect((await library.list({ language: 'rad' })).materials.map((material) => material.itemId)).toEqual(['ede']);
  });

  it('sends only the first materials when asked to, saying how many there are in all', async () => {
    const { library } = await libraryWithPack();
    const all = await library.list({});
    expect(all.total).toBe(3);
    const first = await library.list({}, 2);
    expect(first.materials).toEqual(all.materials.slice(0, 2));
    expect(first).toMatchObject({ total: 3, packs: all.packs, facets: all.facets });
    await expect(library.list({ topic: '5k' }, 1)).resolves.toMatchObject({
      materials: [expect.objectContaining({ topics: expect.arrayContaining(['5k']) as unknown })],
      total: 2,
    });
  });

  it('lists each material as a row, leaving its files, summary, source and licence to when it is opened', async () => {
    const { library } = await libraryWithPack();
    const { materials } = await library.list({});
    expect(materials.find((material) => material.itemId === 'khau-trang')).toEqual({
      id: 'vn.test.covid19/khau-trang',
      packId: 'vn.test.covid19',
      itemId: 'khau-trang',
      kind: 'article',
      title: { vi: 'Đeo khẩu trang đúng cách' },
      languages: ['vi'],
      topics: ['covid19', '5k'],
      withdrawn: false,
    });
  });

  it.each([
    ['khau trang', 'khau-trang'],
    ['dak lak', 'khau-trang'],
    ['ede', 'ede'],
    ['e de', 'ede'],
    ['Ê-đê', 'ede'],
    ['cu mgar', 'ede'],
    ["Cư M'gar", 'ede'],
    ['5k', 'anh'],
  ])('finds %j without its accents or apostrophes', async (query, itemId) => {
    const { library } = await libraryWithPack();
    const { hits } = await library.search(query, {}, 10);
    expect(hits.map((hit) => hit.id)).toContain(`vn.test.covid19/${itemId}`);
  });

  it('answers a query of symbols or of 10,000 characters without error', async () => {
    const { library } = await libraryWithPack();
    await expect(library.search('#$%^&*()', {}, 10)).resolves.toEqual({ hits: [], total: 0 });
    await expect(library.search('khẩu trang '.repeat(910).slice(0, 10_000), {}, 10)).resolves.toMatchObject({
      total: expect.any(Number) as number,
    });
  });

  it('builds the search index when the pack arrives, and only loads it afterwards', async () => {
    const { packs, library } = await libraryWithPack();
    await library.warm();
    const indexDir = path.join(h.dataDir, 'library', 'index');
    const [file] = await readdir(indexDir);
    expect(file).toMatch(/^vn\.test\.covid19@1-[0-9a-f]{12}\.json$/);
    // A second start with the index on disk finds the same things.
    const again = new LibraryService(packs, h.dataDir);
    expect((await again.search('khau trang', {}, 10)).hits[0]?.id).toBe('vn.test.covid19/khau-trang');
  });

  it('serves a file in byte ranges, and refuses one that fails its hash', async () => {
    const { packs, library } = await libraryWithPack();
    const whole = await materialResponse(library, 'vn.test.covid19', 'anh/5k.png', undefined);
    expect(whole).toMatchObject({
      status: 200,
      headers: { 'Content-Type': 'image/png', 'Content-Length': String(png.length), 'Accept-Ranges': 'bytes' },
    });
    whole.body?.destroy();
    const part = await materialResponse(library, 'vn.test.covid19', 'anh/5k.png', 'bytes=100-199');
    expect(part).toMatchObject({ status: 206, headers: { 'Content-Range': `bytes 100-199/${png.length}`, 'Content-Length': '100' } });
    part.body?.destroy();
    expect((await materialResponse(library, 'vn.test.covid19', 'khong/co.png', undefined)).status).toBe(404);
    expect((await materialResponse(library, 'vn.khac.goi', 'anh/5k.png', undefined)).status).toBe(404);

    // Someone altered the stored file: the app shows a notice instead of it.
    const sha = (await packs.installedPacks())[0]?.manifest.items.find((item) => item.id === 'khau-trang')?.files[0]?.sha256 ?? '';
    await writeFile(packs.store.pathOf(sha), '# Tin giả\n');
    const fresh = new LibraryService(packs, h.dataDir);
    expect((await materialResponse(fresh, 'vn.test.covid19', 'bai/khau-trang.md', undefined)).status).toBe(410);
    await expect(fresh.check('vn.test.covid19/khau-trang')).resolves.toEqual({ missing: [], damaged: ['bai/khau-trang.md'] });
  });

  it('marks withdrawn materials', async () => {
    const { packs, library } = await libraryWithPack();
    await packs.trust.update((data) => {
      data.withdrawn = [{ packId: 'vn.test.covid19', itemId: 'anh', at: new Date().toISOString() }];
    });
    library.invalidate();
    const { materials } = await library.list({});
    expect(materials.find((material) => material.itemId === 'anh')?.withdrawn).toBe(true);
    expect(materials.find((material) => material.itemId === 'ede')?.withdrawn).toBe(false);
  });
});

describe('opening one material through the API', () => {
  it('gives the material whole, with its pack', async () => {
    const { call } = await api();
    await expect(call('library.material', { id: 'vn.test.covid19/khau-trang' })).resolves.toEqual({
      ok: true,
      value: {
        material: expect.objectContaining({
          id: 'vn.test.covid19/khau-trang',
          title: { vi: 'Đeo khẩu trang đúng cách' },
          summary: { vi: 'Khi nào và đeo thế nào' },
          source: 'Sở Y tế Đắk Lắk',
          license: 'Được phổ biến rộng rãi',
          files: [{ path: 'bai/khau-trang.md', mediaType: 'text/markdown', size: expect.any(Number) as number }],
        }) as unknown,
        pack: expect.objectContaining({ id: 'vn.test.covid19', official: true, version: 1 }) as unknown,
      },
    });
  });

  it('says a material no installed pack holds is not on this computer, naming the field', async () => {
    const { packs, library, call } = await api();
    await expect(call('library.material', { id: 'vn.test.covid19/khong-co' })).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', messageKey: 'library:detail.missing', field: 'id' },
    });
    // Nor one whose pack was removed since the list was shown.
    await packs.remove('vn.test.covid19');
    library.invalidate();
    await expect(call('library.material', { id: 'vn.test.covid19/khau-trang' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it.each([
    ['an empty id', { id: '' }, { messageKey: 'errors:field.tooShort', field: 'id', params: { min: 1 } }],
    [
      'an id of 201 characters',
      { id: `vn.test.covid19/${'a'.repeat(185)}` },
      { messageKey: 'errors:field.tooLong', field: 'id', params: { max: 200 } },
    ],
    ['an id that is not text', { id: 42 }, { messageKey: 'errors:field.wrongType', field: 'id', params: { expected: 'string' } }],
    ['no id', {}, { messageKey: 'errors:field.required', field: 'id' }],
    ['a field it does not take', { id: 'vn.test.covid19/khau-trang', files: true }, { messageKey: 'errors:field.unknown', field: 'files' }],
  ])('refuses %s at its field', async (_name, input, error) => {
    const { call } = await api();
    await expect(call('library.material', input)).resolves.toEqual({ ok: false, error: { code: 'invalid_input', ...error } });
  });
});

describe('listing the first materials through the API', () => {
  it.each([
    [0, 'errors:field.tooSmall'],
    [1001, 'errors:field.tooLarge'],
  ])('refuses a limit of %d at its field', async (limit, messageKey) => {
    const { call } = await api();
    await expect(call('library.list', { limit })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input', messageKey, field: 'limit' },
    });
    await expect(call('library.list', { limit: 1 })).resolves.toMatchObject({
      ok: true,
      value: { materials: [expect.anything()], total: 3 },
    });
  });
});

describe('session plans', () => {
  it('saves, renames, reorders and removes plans, durably', async () => {
    await mkdir(h.dataDir, { recursive: true });
    const plans = await openPlansStore(h.dataDir, () => undefined);
    const plan = await plans.save({ title: 'Họp buôn Ea Bhốk', materials: ['a/1', 'a/2'] });
    expect(plan).toMatchObject({ title: 'Họp buôn Ea Bhốk', materials: ['a/1', 'a/2'] });
    await plans.save({ id: plan?.id, title: 'Họp già làng', materials: ['a/2', 'a/1'] });
    const reopened = await openPlansStore(h.dataDir, () => undefined);
    expect(reopened.list()).toEqual([expect.objectContaining({ id: plan?.id, title: 'Họp già làng', materials: ['a/2', 'a/1'] })]);
    await expect(reopened.save({ id: 'khong-co', title: 'x', materials: [] })).resolves.toBeUndefined();
    await expect(reopened.remove(plan?.id ?? '')).resolves.toBe(true);
    expect(reopened.list()).toEqual([]);
  });
});
