import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, vi } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { LogRecord } from '../../../electron/core/contract/logbooks';
import { MonthFiles } from '../../../electron/core/logbooks/month-files';
import { ok, refusal } from '../../support/core-harness';
import { recordsTest } from '../../support/core-fixture';
import { finalData } from '../../support/logbook-records';

/** The laptop of these tests: its core (another one after each restart) and what they ask of it. */
interface Laptop {
  /** The core open now. */
  readonly core: Core;
  /** Where the logbooks are kept. */
  readonly folder: string;
  /** Closes the core and opens another on the same folder, as a restart of the app would. */
  restart(): Promise<void>;
  /** The ids kept in one month's file, as on disk. */
  idsOnDisk(month: string): Promise<string[]>;
  /** The year's rumours, as the list shows them. */
  listed(): Promise<LogRecord[]>;
  octoberRumour(): Promise<LogRecord>;
  /** Saves the record with a November date while the write of `failingMonth` fails, as a power cut there would. */
  moveCutShort(record: LogRecord, failingMonth: string): Promise<void>;
}

const test = recordsTest.extend<{ laptop: Laptop }>({
  laptop: async ({ core, refs, temp, reopen }, use) => {
    let current = core;
    const folder = path.join(temp.dir, 'logbooks');
    await use({
      get core() {
        return current;
      },
      folder,
      restart: async () => {
        current = await reopen();
      },
      async idsOnDisk(month) {
        const text = await readFile(path.join(folder, 'rumour', `${month}.json`), 'utf8').catch(() => '{"records":[]}');
        return (JSON.parse(text) as { records: LogRecord[] }).records.map((record) => record.id);
      },
      listed: async () => (await ok(current, 'logbook.list', { kind: 'rumour', fromMonth: '2026-01', toMonth: '2026-12' })).records,
      octoberRumour: () =>
        ok(current, 'logbook.save', { kind: 'rumour', finalise: true, data: finalData('rumour', refs, '2026-10-30T16:00') }),
      async moveCutShort(record, failingMonth) {
        const write = Object.getOwnPropertyDescriptor(MonthFiles.prototype, 'write')?.value as (
          this: MonthFiles,
          ...args: Parameters<MonthFiles['write']>
        ) => Promise<void>;
        vi.spyOn(MonthFiles.prototype, 'write').mockImplementation(function (this: MonthFiles, kind, month, records) {
          if (month === failingMonth) return Promise.reject(new Error('power cut'));
          return write.call(this, kind, month, records);
        });
        const error = await refusal(current, 'logbook.save', {
          kind: 'rumour',
          id: record.id,
          finalise: true,
          data: finalData('rumour', refs, '2026-11-02T09:00'),
        });
        expect(error.code).toBe('internal');
        vi.restoreAllMocks();
      },
    });
  },
});

describe('a record whose date moves to another month', () => {
  test("moves from that month's file to the other", async ({ laptop, refs }) => {
    const record = await laptop.octoberRumour();
    const moved = await ok(laptop.core, 'logbook.save', {
      kind: 'rumour',
      id: record.id,
      month: '2026-10',
      finalise: true,
      data: finalData('rumour', refs, '2026-11-02T09:00'),
    });
    expect(moved).toMatchObject({ id: record.id, occurredAt: '2026-11-02T09:00', revision: 2 });
    await expect(laptop.idsOnDisk('2026-10')).resolves.toEqual([]);
    await expect(laptop.idsOnDisk('2026-11')).resolves.toEqual([record.id]);
    await expect(ok(laptop.core, 'logbook.list', { kind: 'rumour', fromMonth: '2026-10', toMonth: '2026-10' })).resolves.toMatchObject({
      total: 0,
    });
    // Found by its new month, by its old one (a page not yet refreshed) and without one.
    for (const month of ['2026-11', '2026-10', undefined]) {
      await expect(ok(laptop.core, 'logbook.get', { kind: 'rumour', id: record.id, ...(month ? { month } : {}) })).resolves.toEqual(moved);
    }
    await laptop.restart();
    expect((await laptop.listed()).map((each) => [each.id, each.occurredAt, each.revision])).toEqual([[record.id, '2026-11-02T09:00', 2]]);
    await expect(readdir(laptop.folder)).resolves.not.toContain('journal.json');
  });

  test('cut short after the new month was written, is finished at the next start: one copy, the new one', async ({ laptop }) => {
    const record = await laptop.octoberRumour();
    await laptop.moveCutShort(record, '2026-10');
    await expect(laptop.idsOnDisk('2026-10')).resolves.toEqual([record.id]);
    await expect(laptop.idsOnDisk('2026-11')).resolves.toEqual([record.id]);

    await laptop.restart();
    await expect(laptop.idsOnDisk('2026-10')).resolves.toEqual([]);
    await expect(laptop.idsOnDisk('2026-11')).resolves.toEqual([record.id]);
    expect((await laptop.listed()).map((each) => [each.id, each.occurredAt, each.revision])).toEqual([[record.id, '2026-11-02T09:00', 2]]);
    await expect(readdir(laptop.folder)).resolves.not.toContain('journal.json');
  });

  test('cut short before either month was written, is finished at the next start', async ({ laptop }) => {
    const record = await laptop.octoberRumour();
    await laptop.moveCutShort(record, '2026-11');
    await expect(laptop.idsOnDisk('2026-10')).resolves.toEqual([record.id]);
    await expect(laptop.idsOnDisk('2026-11')).resolves.toEqual([]);

    await laptop.restart();
    expect((await laptop.listed()).map((each) => [each.id, each.occurredAt])).toEqual([[record.id, '2026-11-02T09:00']]);
    await expect(laptop.idsOnDisk('2026-10')).resolves.toEqual([]);
  });

  test('cut short by a failed write while the app runs, is finished before the next save, which is kept', async ({ laptop, refs }) => {
    const record = await laptop.octoberRumour();
    await laptop.moveCutShort(record, '2026-10');
    // The person edits the record as the list still shows it, in October.
    const edited = await ok(laptop.core, 'logbook.save', {
      kind: 'rumour',
      id: record.id,
      month: '2026-10',
      finalise: true,
      data: { ...finalData('rumour', refs, '2026-11-02T09:00'), notes: 'Đã báo công an xã' },
    });
    expect(edited).toMatchObject({ occurredAt: '2026-11-02T09:00', revision: 3 });
    expect((await laptop.listed()).map((each) => each.id)).toEqual([record.id]);
    await laptop.restart();
    expect((await laptop.listed()).map((each) => [each.id, each.revision, each.data['notes']])).toEqual([
      [record.id, 3, 'Đã báo công an xã'],
    ]);
  });

  test('finished twice (the journal outlived its work) still leaves one copy', async ({ laptop }) => {
    const record = await laptop.octoberRumour();
    await laptop.moveCutShort(record, '2026-10');
    const journal = await readFile(path.join(laptop.folder, 'journal.json'));
    await laptop.restart();
    await laptop.core.close();
    await writeFile(path.join(laptop.folder, 'journal.json'), journal);
    await laptop.restart();
    expect((await laptop.listed()).map((each) => each.id)).toEqual([record.id]);
    await expect(laptop.idsOnDisk('2026-10')).resolves.toEqual([]);
  });

  test('is left where it was when the journal itself was cut short', async ({ laptop }) => {
    const record = await laptop.octoberRumour();
    await laptop.restart();
    await laptop.core.close();
    await writeFile(path.join(laptop.folder, 'journal.json'), '{"kind":"rumour","changes":[{"month":"2026-11","put":[{"id":');
    await laptop.restart();
    expect((await laptop.listed()).map((each) => [each.id, each.occurredAt])).toEqual([[record.id, '2026-10-30T16:00']]);
    await expect(readdir(laptop.folder)).resolves.not.toContain('journal.json');
  });
});
