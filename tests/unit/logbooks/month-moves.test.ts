import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { LogRecord } from '../../../electron/core/contract/logbooks';
import { MonthFiles } from '../../../electron/core/logbooks/month-files';
import { ok, openTestCore, refusal, TestClock } from '../../support/core-harness';
import { addRefs, finalData, type Refs } from '../../support/logbook-records';
import { makeTempDir } from '../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let clock: TestClock;
let core: Core;
let refs: Refs;

beforeEach(async () => {
  temp = await makeTempDir('chieng-month-moves');
  clock = new TestClock();
  core = await openTestCore(temp.dir, clock);
  await ok(core, 'profiles.save', { name: 'Y Bhim Niê' });
  refs = await addRefs(core);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await core.close();
  await temp.remove();
});

const logbookFolder = () => path.join(temp.dir, 'logbooks');
/** The ids kept in one month's file, as on disk. */
const idsOnDisk = async (month: string): Promise<string[]> => {
  const text = await readFile(path.join(logbookFolder(), 'rumour', `${month}.json`), 'utf8').catch(() => '{"records":[]}');
  return (JSON.parse(text) as { records: LogRecord[] }).records.map((record) => record.id);
};
const listed = async () => (await ok(core, 'logbook.list', { kind: 'rumour', fromMonth: '2026-01', toMonth: '2026-12' })).records;

async function octoberRumour(): Promise<LogRecord> {
  return ok(core, 'logbook.save', { kind: 'rumour', finalise: true, data: finalData('rumour', refs, '2026-10-30T16:00') });
}

/** Saves the record with a November date while the write of `failingMonth` fails, as a power cut there would. */
async function moveCutShort(record: LogRecord, failingMonth: string): Promise<void> {
  const write = Object.getOwnPropertyDescriptor(MonthFiles.prototype, 'write')?.value as (
    this: MonthFiles,
    ...args: Parameters<MonthFiles['write']>
  ) => Promise<void>;
  vi.spyOn(MonthFiles.prototype, 'write').mockImplementation(function (this: MonthFiles, kind, month, records) {
    if (month === failingMonth) return Promise.reject(new Error('power cut'));
    return write.call(this, kind, month, records);
  });
  const error = await refusal(core, 'logbook.save', {
    kind: 'rumour',
    id: record.id,
    finalise: true,
    data: finalData('rumour', refs, '2026-11-02T09:00'),
  });
  expect(error.code).toBe('internal');
  vi.restoreAllMocks();
}

async function restart(): Promise<void> {
  await core.close();
  core = await openTestCore(temp.dir, clock);
}

describe('a record whose date moves to another month', () => {
  it("moves from that month's file to the other", async () => {
    const record = await octoberRumour();
    const moved = await ok(core, 'logbook.save', {
      kind: 'rumour',
      id: record.id,
      month: '2026-10',
      finalise: true,
      data: finalData('rumour', refs, '2026-11-02T09:00'),
    });
    expect(moved).toMatchObject({ id: record.id, occurredAt: '2026-11-02T09:00', revision: 2 });
    await expect(idsOnDisk('2026-10')).resolves.toEqual([]);
    await expect(idsOnDisk('2026-11')).resolves.toEqual([record.id]);
    await expect(ok(core, 'logbook.list', { kind: 'rumour', fromMonth: '2026-10', toMonth: '2026-10' })).resolves.toMatchObject({
      total: 0,
    });
    // Found by its new month, by its old one (a page not yet refreshed) and without one.
    for (const month of ['2026-11', '2026-10', undefined]) {
      await expect(ok(core, 'logbook.get', { kind: 'rumour', id: record.id, ...(month ? { month } : {}) })).resolves.toEqual(moved);
    }
    await restart();
    expect((await listed()).map((each) => [each.id, each.occurredAt, each.revision])).toEqual([[record.id, '2026-11-02T09:00', 2]]);
    await expect(readdir(logbookFolder())).resolves.not.toContain('journal.json');
  });

  it('cut short after the new month was written, is finished at the next start: one copy, the new one', async () => {
    const record = await octoberRumour();
    await moveCutShort(record, '2026-10');
    await expect(idsOnDisk('2026-10')).resolves.toEqual([record.id]);
    await expect(idsOnDisk('2026-11')).resolves.toEqual([record.id]);

    await restart();
    await expect(idsOnDisk('2026-10')).resolves.toEqual([]);
    await expect(idsOnDisk('2026-11')).resolves.toEqual([record.id]);
    expect((await listed()).map((each) => [each.id, each.occurredAt, each.revision])).toEqual([[record.id, '2026-11-02T09:00', 2]]);
    await expect(readdir(logbookFolder())).resolves.not.toContain('journal.json');
  });

  it('cut short before either month was written, is finished at the next start', async () => {
    const record = await octoberRumour();
    await moveCutShort(record, '2026-11');
    await expect(idsOnDisk('2026-10')).resolves.toEqual([record.id]);
    await expect(idsOnDisk('2026-11')).resolves.toEqual([]);

    await restart();
    expect((await listed()).map((each) => [each.id, each.occurredAt])).toEqual([[record.id, '2026-11-02T09:00']]);
    await expect(idsOnDisk('2026-10')).resolves.toEqual([]);
  });

  it('cut short by a failed write while the app runs, is finished before the next save, which is kept', async () => {
    const record = await octoberRumour();
    await moveCutShort(record, '2026-10');
    // The person edits the record as the list still shows it, in October.
    const edited = await ok(core, 'logbook.save', {
      kind: 'rumour',
      id: record.id,
      month: '2026-10',
      finalise: true,
      data: { ...finalData('rumour', refs, '2026-11-02T09:00'), notes: 'Đã báo công an xã' },
    });
    expect(edited).toMatchObject({ occurredAt: '2026-11-02T09:00', revision: 3 });
    expect((await listed()).map((each) => each.id)).toEqual([record.id]);
    await restart();
    expect((await listed()).map((each) => [each.id, each.revision, each.data['notes']])).toEqual([[record.id, 3, 'Đã báo công an xã']]);
  });

  it('finished twice (the journal outlived its work) still leaves one copy', async () => {
    const record = await octoberRumour();
    await moveCutShort(record, '2026-10');
    const journal = await readFile(path.join(logbookFolder(), 'journal.json'));
    await restart();
    await core.close();
    await writeFile(path.join(logbookFolder(), 'journal.json'), journal);
    core = await openTestCore(temp.dir, clock);
    expect((await listed()).map((each) => each.id)).toEqual([record.id]);
    await expect(idsOnDisk('2026-10')).resolves.toEqual([]);
  });

  it('is left where it was when the journal itself was cut short', async () => {
    const record = await octoberRumour();
    await restart();
    await core.close();
    await writeFile(path.join(logbookFolder(), 'journal.json'), '{"kind":"rumour","changes":[{"month":"2026-11","put":[{"id":');
    core = await openTestCore(temp.dir, clock);
    expect((await listed()).map((each) => [each.id, each.occurredAt])).toEqual([[record.id, '2026-10-30T16:00']]);
    await expect(readdir(logbookFolder())).resolves.not.toContain('journal.json');
  });
});
