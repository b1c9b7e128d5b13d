// Records brought over from older spreadsheets (logbook.import), and lists bounded by day.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, vi } from 'vitest';
import type { ApiOutput, LogRecord } from '../../../electron/core/contract';
import type { Core } from '../../../electron/core/core';
import { MonthFiles } from '../../../electron/core/logbooks/month-files';
import { hasTextInEveryLanguage, ok, refusal } from '../../support/core-harness';
import { recordsTest } from '../../support/core-fixture';
import { finalData } from '../../support/logbook-records';

const test = recordsTest.extend<{
  /** Imports a file holding `contents` as JSON (with a BOM, as Excel writes it) into the rumours. */
  importFile: (contents: unknown, finalise?: boolean) => Promise<ApiOutput<'logbook.import'>>;
  /** The year's rumours, as the list shows them, from the core open now. */
  listed: (core: Core) => Promise<LogRecord[]>;
}>({
  importFile: async ({ core, temp }, use) => {
    await use(async (contents, finalise = true) => {
      const file = path.join(temp.dir, 'records.json');
      await writeFile(file, `\uFEFF${JSON.stringify(contents)}`);
      return ok(core, 'logbook.import', { kind: 'rumour', uploadId: core.transfers.registerUploadPath(file, 'records.json'), finalise });
    });
  },
  listed: async ({}, use) => {
    await use(async (core) => (await ok(core, 'logbook.list', { kind: 'rumour', fromMonth: '2026-01', toMonth: '2026-12' })).records);
  },
});

describe('importing records from a JSON file', () => {
  test('adds every entry or none, naming each wrong one by its place and field, in words every language has', async ({
    core,
    refs,
    importFile,
    listed,
  }) => {
    const outcome = await importFile([
      finalData('rumour', refs, '2026-10-02T08:00'),
      { ...finalData('rumour', refs, '2026-10-03T08:00'), status: 'maybe' },
      [],
      finalData('rumour', refs, '2026-11-02T08:00'),
    ]);
    expect(outcome).toEqual({
      imported: 0,
      ids: [],
      invalidEntries: 2,
      problems: [
        { index: 1, field: 'status', messageKey: 'errors:field.notAllowed' },
        { index: 2, messageKey: 'logbooks:import.notAnObject' },
      ],
    });
    expect(outcome.problems.every((problem) => hasTextInEveryLanguage(problem.messageKey))).toBe(true);
    expect(await listed(core)).toEqual([]);

    const added = await importFile([finalData('rumour', refs, '2026-10-02T08:00'), finalData('rumour', refs, '2026-11-02T08:00')]);
    expect(added).toMatchObject({ imported: 2, invalidEntries: 0, problems: [] });
    const records = await listed(core);
    expect(records.map((record) => [record.id, record.occurredAt, record.status, record.author.name])).toEqual([
      [added.ids[1], '2026-11-02T08:00', 'final', 'Y Bhim Niê'],
      [added.ids[0], '2026-10-02T08:00', 'final', 'Y Bhim Niê'],
    ]);
  });

  test('is whole after a power cut half way: the next start adds the rest', async ({ temp, core, refs, listed, reopen }) => {
    const write = Object.getOwnPropertyDescriptor(MonthFiles.prototype, 'write')?.value as (
      this: MonthFiles,
      ...args: Parameters<MonthFiles['write']>
    ) => Promise<void>;
    vi.spyOn(MonthFiles.prototype, 'write').mockImplementation(function (this: MonthFiles, kind, month, records) {
      if (month === '2026-11') return Promise.reject(new Error('power cut'));
      return write.call(this, kind, month, records);
    });
    const file = path.join(temp.dir, 'records.json');
    await writeFile(file, JSON.stringify([finalData('rumour', refs, '2026-10-02T08:00'), finalData('rumour', refs, '2026-11-02T08:00')]));
    const error = await refusal(core, 'logbook.import', {
      kind: 'rumour',
      uploadId: core.transfers.registerUploadPath(file, 'records.json'),
      finalise: true,
    });
    expect(error.code).toBe('internal');
    vi.restoreAllMocks();
    expect((await listed(await reopen())).map((record) => record.occurredAt)).toEqual(['2026-11-02T08:00', '2026-10-02T08:00']);
  });

  test('refuses a file that is not JSON, saying where it breaks', async ({ temp, core }) => {
    const file = path.join(temp.dir, 'broken.json');
    await writeFile(file, '[\n  {"occurredAt": "2026-11-02T08:00",}\n]');
    const outcome = await ok(core, 'logbook.import', {
      kind: 'rumour',
      uploadId: core.transfers.registerUploadPath(file, 'broken.json'),
      finalise: false,
    });
    expect(outcome).toEqual({
      imported: 0,
      ids: [],
      invalidEntries: 0,
      problems: [{ messageKey: 'logbooks:import.notJson', params: { line: 2, column: 37 } }],
    });
  });
});

describe('a list bounded by day', () => {
  test('keeps the records of the days asked for, both ends included, and refuses a span that ends before it starts', async ({
    core,
    refs,
    importFile,
  }) => {
    await importFile(
      ['2026-10-31T23:59', '2026-11-01T00:00', '2026-11-30T23:59', '2026-12-01T00:00'].map((at) => finalData('rumour', refs, at)),
    );
    const days = async (span: object) =>
      (await ok(core, 'logbook.list', { kind: 'rumour', ...span })).records.map((record) => record.occurredAt);
    expect(await days({ fromDate: '2026-11-01', toDate: '2026-11-30' })).toEqual(['2026-11-30T23:59', '2026-11-01T00:00']);
    expect(await days({ fromDate: '2026-11-30' })).toEqual(['2026-12-01T00:00', '2026-11-30T23:59']);
    const error = await refusal(core, 'logbook.export', { kind: 'rumour', format: 'csv', fromDate: '2026-11-30', toDate: '2026-11-01' });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'toDate', messageKey: 'errors:field.spanReversed' });
    expect(await refusal(core, 'logbook.list', { kind: 'rumour', fromDate: '2026-02-30' })).toMatchObject({ field: 'fromDate' });
  });
});
