import { parse } from 'csv-parse/sync';
import { describe, expect } from 'vitest';
import type { ApiOutput } from '../../../electron/core/contract';
import type { LogRecord } from '../../../electron/core/contract/logbooks';
import { downloaded, ok } from '../../support/core-harness';
import { recordsTest } from '../../support/core-fixture';
import { finalData } from '../../support/logbook-records';

/** A figure's outreach in October, and a draft of November withdrawn, before the test starts. */
const test = recordsTest.extend<{
  seeded: undefined;
  exported: (format: 'csv' | 'json', kind?: 'figureOutreach' | 'rumour') => Promise<ApiOutput<'logbook.export'> & { bytes: Buffer }>;
}>({
  seeded: [
    async ({ core, refs }, use) => {
      await ok(core, 'logbook.save', {
        kind: 'figureOutreach',
        finalise: true,
        data: {
          ...finalData('figureOutreach', refs, '2026-10-18T19:00'),
          questions: ['Bà con hỏi: “tiền hỗ trợ, khi nào có?”', 'Đường vào buôn; mùa mưa'],
          notes: 'Buổi họp đông,\nkéo dài',
        },
      });
      const draft = await ok(core, 'logbook.save', {
        kind: 'figureOutreach',
        finalise: false,
        data: { occurredAt: '2026-11-02T08:00', topics: ['Ê Đê: Mnuih êa drao'] },
      });
      await ok(core, 'logbook.withdraw', { kind: 'figureOutreach', id: draft.id, reason: 'Nhập nhầm người có uy tín' });
      await use(undefined);
    },
    { auto: true },
  ],
  exported: async ({ core }, use) => {
    await use(async (format, kind = 'figureOutreach') => {
      const result = await ok(core, 'logbook.export', { kind, fromMonth: '2026-10', toMonth: '2026-11', format });
      return { ...result, bytes: await downloaded(core, result.downloadId) };
    });
  },
});

describe('exporting a logbook', () => {
  test('as CSV for Excel: a BOM, CRLF lines, Vietnamese intact, names for ids, headings and choices in Vietnamese', async ({
    exported,
  }) => {
    const { bytes, fileName, count } = await exported('csv');
    expect(fileName).toBe('chieng-figureOutreach-2026-10_2026-11.csv');
    expect(count).toBe(2);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFFMã,Trạng thái,Thời gian,Người ghi,Máy,')).toBe(true);
    // Every line ends in CRLF; the only bare LF is the one inside the quoted note.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').split('\n')).toHaveLength(2);

    const [header, ...rows] = parse(text, { bom: true });
    expect(header).toEqual(expect.arrayContaining(['Người có uy tín', 'Thôn, buôn', 'Số người nghe', 'Nam', 'Nữ', 'Chủ đề']));
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const byStatus = new Map(rows.map((row) => [row[column('Trạng thái')], row]));
    const final = byStatus.get('Đã hoàn tất');
    expect(final?.[column('Người có uy tín')]).toBe('Y Kông Ayun');
    expect(final?.[column('Thôn, buôn')]).toBe('Buôn Ea Bhốk');
    expect(final?.[column('Thời gian')]).toBe('2026-10-18 19:00');
    expect(final?.[column('Câu hỏi, băn khoăn của người dân')]).toBe('Bà con hỏi: “tiền hỗ trợ, khi nào có?”; Đường vào buôn; mùa mưa');
    expect(final?.[column('Ghi chú')]).toBe('Buổi họp đông,\nkéo dài');
    expect(final?.[column('Người ghi')]).toBe('Y Bhim Niê');
    const withdrawn = byStatus.get('Đã hủy bỏ');
    expect(withdrawn?.[column('Lý do hủy bỏ')]).toBe('Nhập nhầm người có uy tín');
    expect(withdrawn?.[column('Chủ đề')]).toBe('Ê Đê: Mnuih êa drao');
  });

  test('as CSV with headings and choices in English when the UI is in English', async ({ core, refs, exported }) => {
    await ok(core, 'settings.update', { locale: 'en' });
    await ok(core, 'logbook.save', {
      kind: 'rumour',
      finalise: true,
      data: { ...finalData('rumour', refs, '2026-11-20T09:00'), channels: ['zalo', 'other'], channelOther: 'Nhóm Messenger' },
    });
    const text = (await exported('csv', 'rumour')).bytes.toString('utf8');
    const [header, row] = parse(text, { bom: true });
    expect(header?.slice(0, 4)).toEqual(['Id', 'Status', 'When', 'Recorded by']);
    expect(row?.[header?.indexOf('Status') ?? -1]).toBe('Final');
    expect(row?.[header?.indexOf('What was heard') ?? -1]).toBe('Tin đồn uống nước lá cây chữa khỏi sốt xuất huyết');
    expect(row?.[header?.indexOf('Spread through') ?? -1]).toBe('Zalo; Other');
  });

  test('as JSON that gives back the records whole, revisions included', async ({ core, exported }) => {
    const { bytes, fileName, count } = await exported('json');
    expect(fileName).toBe('chieng-figureOutreach-2026-10_2026-11.json');
    const file = JSON.parse(bytes.toString('utf8')) as { format: string; kind: string; records: LogRecord[] };
    expect(file).toMatchObject({ format: 'chieng.logbook', kind: 'figureOutreach' });
    expect(file.records).toHaveLength(count);
    const { records } = await ok(core, 'logbook.list', { kind: 'figureOutreach', fromMonth: '2026-10', toMonth: '2026-11' });
    expect(file.records).toEqual(records);
    expect(file.records.find((record) => record.status === 'withdrawn')?.revisions).toHaveLength(1);
  });
});
