import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import type { ApiOutput, RegistryEntry } from '../../../electron/core/contract';
import { downloaded, hasTextInEveryLanguage, ok, upload } from '../../support/core-harness';
import { officerTest } from '../../support/core-fixture';
import { consentGiven } from '../../support/logbook-records';

const bom = '\uFEFF';
type Registry = 'villages' | 'figures' | 'places';

const test = officerTest.extend<{
  importCsv: (registry: Registry, contents: Uint8Array | string) => Promise<ApiOutput<'registry.import'>>;
  entries: (registry: Registry) => Promise<RegistryEntry[]>;
  /** The registry's file as stored, or null before anything was saved in it. */
  registryFile: (registry: string) => Promise<string | null>;
}>({
  importCsv: async ({ core, temp }, use) => {
    await use(async (registry, contents) =>
      ok(core, 'registry.import', { registry, uploadId: await upload(core, temp.dir, `${registry}-${Math.random()}.csv`, contents) }),
    );
  },
  entries: async ({ core }, use) => {
    await use(async (registry) => (await ok(core, 'registry.list', { registry })).entries);
  },
  registryFile: async ({ temp }, use) => {
    await use((registry) => readFile(path.join(temp.dir, 'registries', `${registry}.json`), 'utf8').catch(() => null));
  },
});

describe('importing a registry from CSV', () => {
  test('reads Excel\'s Vietnamese CSV: a BOM, ";" between cells, Vietnamese headings and choices', async ({ importCsv, entries }) => {
    // Excel where the list separator is ";" leaves a comma in a heading unquoted.
    const csv = `${bom}Tên thôn, buôn;Loại;Số hộ;Cụm loa\r\nBuôn Ea Bhốk;Buôn;1.045;"Cụm 1; Cụm 2"\r\nThôn 3;Thôn;;\r\n`;
    await expect(importCsv('villages', csv)).resolves.toEqual({ imported: 2, problems: [] });
    expect((await entries('villages')).map((entry) => entry.data)).toEqual([
      { name: 'Buôn Ea Bhốk', type: 'buon', households: 1045, loudspeakerClusters: ['Cụm 1', 'Cụm 2'] },
      { name: 'Thôn 3', type: 'thon' },
    ]);
  });

  test('reads a CSV without a BOM, with "," and English headings and choices', async ({ importCsv, entries }) => {
    const csv =
      "Village name,Type,Households,Former district (before 1 July 2025)\nBuon Ko Siar,Buôn (Ê Đê village),98,Cư M'gar\nTổ dân phố 5,Urban block,,\n";
    await expect(importCsv('villages', csv)).resolves.toEqual({ imported: 2, problems: [] });
    expect((await entries('villages')).map((entry) => entry.data)).toEqual([
      { name: 'Buon Ko Siar', type: 'buon', households: 98, formerDistrict: "Cư M'gar" },
      { name: 'Tổ dân phố 5', type: 'toDanPho' },
    ]);
  });

  test('reads figures with villages by name, languages by name and consent as Có/Không', async ({ importCsv, entries }) => {
    await importCsv('villages', 'Tên thôn, buôn;Loại\nBuôn Ea Bhốk;Buôn\n');
    const csv = [
      'Họ và tên,Giới tính,Năm sinh,Thành phần,"Thôn, buôn",Ngôn ngữ,Đồng ý lưu thông tin,Ngày hỏi ý kiến,Hình thức đồng ý,Người ghi nhận,Dân tộc',
      'Y Kông Ayun,Nam,1951,Già làng; Trưởng dòng họ,buon ea bhok,Ê Đê; Tiếng Việt,Có,2026-10-02,Bằng văn bản,H Hoa Byă,Ê Đê',
      'H Liên Niê,Nữ,,Nghệ nhân,,,Không,2026-10-02,Bằng lời nói,H Hoa Byă,',
    ].join('\r\n');
    await expect(importCsv('figures', csv)).resolves.toEqual({ imported: 2, problems: [] });
    const [village] = await entries('villages');
    expect((await entries('figures')).map((entry) => entry.data)).toEqual([
      {
        fullName: 'H Liên Niê',
        sex: 'female',
        categories: ['artisan'],
        languages: [],
        consent: { given: false, date: '2026-10-02', method: 'verbal', recordedBy: 'H Hoa Byă' },
      },
      {
        fullName: 'Y Kông Ayun',
        sex: 'male',
        birthYear: 1951,
        categories: ['villageElder', 'clanHead'],
        villageId: village?.id,
        languages: ['rad', 'vi'],
        ethnicity: 'Ê Đê',
        consent: { given: true, date: '2026-10-02', method: 'written', recordedBy: 'H Hoa Byă' },
      },
    ]);
  });

  test('reads places of worship with their dignitaries, and without a dignitaries column', async ({ importCsv, entries }) => {
    const csv = `${bom}Tên cơ sở;Tôn giáo;Hệ phái;Chức sắc, chức việc\r\nChi hội Tin Lành Ea Bhốk;Tin Lành;Hội Thánh Tin Lành Việt Nam (miền Nam);"Y Djuan Mlô (Mục sư); H Liên"\r\n`;
    await expect(importCsv('places', csv)).resolves.toEqual({ imported: 1, problems: [] });
    await expect(importCsv('places', 'Tên cơ sở;Tôn giáo\r\nChùa Phước Hòa;Phật giáo\r\n')).resolves.toEqual({ imported: 1, problems: [] });
    expect((await entries('places')).map((entry) => entry.data)).toEqual([
      {
        name: 'Chi hội Tin Lành Ea Bhốk',
        religion: 'protestantism',
        denomination: 'Hội Thánh Tin Lành Việt Nam (miền Nam)',
        dignitaries: [{ name: 'Y Djuan Mlô', title: 'Mục sư' }, { name: 'H Liên' }],
      },
      { name: 'Chùa Phước Hòa', religion: 'buddhism', dignitaries: [] },
    ]);
  });

  test('imports nothing when a row is wrong, and names each fault by row and column', async ({ importCsv, entries, registryFile }) => {
    await importCsv('villages', 'Tên thôn, buôn;Loại\nBuôn Ea Bhốk;Buôn\n');
    const before = await registryFile('figures');
    const csv = [
      'Họ và tên;Giới tính;Năm sinh;Thành phần;Thôn, buôn;Đồng ý lưu thông tin;Ngày hỏi ý kiến;Hình thức đồng ý;Người ghi nhận;Dân tộc',
      'Y Kông Ayun;Nam;1951;Già làng;Buôn Ea Bhốk;Có;2026-10-02;Bằng văn bản;H Hoa Byă;Ê Đê',
      'Y Blu Kpă;Nam;khoảng 1950;Già làng;Buôn Ea Bhốk;Có;2026-10-02;Bằng văn bản;H Hoa Byă;',
      'H Liên Niê;Nữ;;Nghệ nhân;Buôn Ea Sup;Không;2026-10-02;Bằng lời nói;H Hoa Byă;Ê Đê',
      ';Nam;;Tù trưởng;;Có;2026-10-02;Bằng văn bản;H Hoa Byă;',
    ].join('\n');
    const { imported, problems } = await importCsv('figures', csv);
    expect(imported).toBe(0);
    expect(problems.map(({ row, column, messageKey }) => ({ row, column, messageKey }))).toEqual([
      { row: 3, column: 'Năm sinh', messageKey: 'registries:import.notNumber' },
      { row: 4, column: 'Thôn, buôn', messageKey: 'registries:import.unknownVillage' },
      { row: 4, column: 'Dân tộc', messageKey: 'errors:field.consentNeeded' },
      { row: 5, column: 'Thành phần', messageKey: 'registries:import.unknownValue' },
      { row: 5, column: 'Họ và tên', messageKey: 'errors:field.required' },
      { row: 5, column: 'Thành phần', messageKey: 'errors:field.required' },
    ]);
    for (const problem of problems) expect(hasTextInEveryLanguage(problem.messageKey), problem.messageKey).toBe(true);
    await expect(entries('figures')).resolves.toEqual([]);
    await expect(registryFile('figures')).resolves.toBe(before);
  });

  test('refuses a file whose rows repeat a village name, or name one already kept', async ({ importCsv, entries }) => {
    await importCsv('villages', 'Tên thôn, buôn;Loại\nBuôn Ea Bhốk;Buôn\n');
    const { imported, problems } = await importCsv('villages', 'Tên thôn, buôn;Loại\nThôn 1;Thôn\nthon 1;Thôn\nBUÔN EA BHỐK;Buôn\n');
    expect(imported).toBe(0);
    expect(problems.map(({ row, messageKey }) => [row, messageKey])).toEqual([
      [3, 'registries:duplicateName'],
      [4, 'registries:duplicateName'],
    ]);
    expect((await entries('villages')).map((entry) => entry.data['name'])).toEqual(['Buôn Ea Bhốk']);
  });

  test('names an unknown or a missing column before reading any row', async ({ importCsv }) => {
    const { imported, problems } = await importCsv('villages', 'Tên;Màu\nBuôn Ea Bhốk;Đỏ\n');
    expect(imported).toBe(0);
    expect(problems).toEqual([
      { row: 1, column: 'Tên', messageKey: 'registries:import.unknownColumn', params: { column: 'Tên' } },
      { row: 1, column: 'Màu', messageKey: 'registries:import.unknownColumn', params: { column: 'Màu' } },
      { row: 1, column: 'Tên thôn, buôn', messageKey: 'registries:import.missingColumn', params: { column: 'Tên thôn, buôn' } },
      { row: 1, column: 'Loại', messageKey: 'registries:import.missingColumn', params: { column: 'Loại' } },
    ]);
  });

  test('says a file saved in an old Vietnamese code page is not UTF-8', async ({ importCsv, entries }) => {
    // "Tên thôn, buôn;Loại / Buôn Ea Bhốk;Buôn" as Windows-1258 (or Latin-1) writes it: ê, ô as single bytes.
    const bytes = Buffer.from('Tên thôn, buôn;Loai\r\nBuôn Ea Bhôk;Buôn\r\n', 'latin1');
    const { imported, problems } = await importCsv('villages', bytes);
    expect(imported).toBe(0);
    expect(problems).toEqual([{ row: 0, messageKey: 'registries:import.notUtf8' }]);
    expect(hasTextInEveryLanguage('registries:import.notUtf8')).toBe(true);
    await expect(entries('villages')).resolves.toEqual([]);
  });

  test('says a file with only headings has no rows', async ({ importCsv }) => {
    await expect(importCsv('villages', `${bom}Tên thôn, buôn;Loại\r\n`)).resolves.toEqual({
      imported: 0,
      problems: [{ row: 0, messageKey: 'registries:import.empty' }],
    });
  });
});

/** The registries filled with a village, a figure and a place of worship, before the test starts. */
const filledTest = test.extend<{ filled: undefined }>({
  filled: [
    async ({ core }, use) => {
      const village = await ok(core, 'registry.save', {
        registry: 'villages',
        data: { name: 'Buôn Ea Bhốk', type: 'buon', loudspeakerClusters: ['Cụm 1', 'Cụm 2'], households: 212 },
      });
      await ok(core, 'registry.save', {
        registry: 'villages',
        data: { name: 'Thôn 3', type: 'thon', notes: 'Đường vào "dốc", mùa mưa khó đi\nđi vòng qua rẫy' },
      });
      await ok(core, 'registry.save', {
        registry: 'figures',
        data: {
          fullName: 'Y Kông Ayun',
          sex: 'male',
          birthYear: 1951,
          categories: ['villageElder', 'clanHead'],
          ethnicity: 'Ê Đê',
          phone: '0905 123 456',
          languages: ['rad', 'vi'],
          villageId: village.id,
          consent: consentGiven,
        },
      });
      await ok(core, 'registry.save', {
        registry: 'places',
        data: {
          name: 'Chi hội Tin Lành Ea Bhốk',
          religion: 'protestantism',
          villageId: village.id,
          dignitaries: [{ name: 'Y Djuan Mlô', title: 'Mục sư' }, { name: 'H Liên' }],
        },
      });
      await use(undefined);
    },
    { auto: true },
  ],
});

describe('exporting a registry to CSV', () => {
  filledTest('writes UTF-8 with a BOM, CRLF lines and the headings of the UI language', async ({ core }) => {
    const { downloadId, fileName } = await ok(core, 'registry.export', { registry: 'villages' });
    expect(fileName).toBe('chieng-villages.csv');
    const text = (await downloaded(core, downloadId)).toString('utf8');
    expect(text.startsWith(`${bom}Mã,"Tên thôn, buôn",Loại,Số hộ,Cụm loa,Huyện cũ (trước 1/7/2025),Ghi chú\r\n`)).toBe(true);
    expect(text).toContain(',Buôn Ea Bhốk,Buôn,212,Cụm 1; Cụm 2,,\r\n');

    await ok(core, 'settings.update', { locale: 'en' });
    const english = (await downloaded(core, (await ok(core, 'registry.export', { registry: 'villages' })).downloadId)).toString('utf8');
    expect(english.startsWith(`${bom}Id,Village name,Type,Households,Loudspeaker clusters,`)).toBe(true);
  });

  filledTest.for(['villages', 'figures', 'places'] as const)(
    'imports %s back unchanged, in either language',
    async (registry, { core, importCsv, entries }) => {
      const before = await entries(registry);
      for (const locale of ['vi', 'en'] as const) {
        await ok(core, 'settings.update', { locale });
        const csv = await downloaded(core, (await ok(core, 'registry.export', { registry })).downloadId);
        await expect(importCsv(registry, csv)).resolves.toEqual({ imported: before.length, problems: [] });
        expect((await entries(registry)).map(({ id, data }) => ({ id, data }))).toEqual(before.map(({ id, data }) => ({ id, data })));
      }
    },
  );
});
