import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogbookKind, LogRecord } from '../../../electron/core/contract/logbooks';
import { MonthFiles } from '../../../electron/core/logbooks/month-files';
import { currentSchemaVersion, migrateLogbooks, type Migration } from '../../../electron/core/logbooks/schema-migrations';
import { ok, openTestCore, TestClock } from '../../support/core-harness';
import { addRefs, finalData } from '../../support/logbook-records';
import { makeTempDir } from '../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
const clock = new TestClock();
const root = () => path.join(temp.dir, 'logbooks');

beforeEach(async () => {
  temp = await makeTempDir('chieng-migrations');
  // Records as this version writes them: a rumour in October, a loudspeaker session and its draft in November.
  const core = await openTestCore(temp.dir, clock);
  await ok(core, 'profiles.save', { name: 'Y Bhim Niê' });
  const refs = await addRefs(core);
  await ok(core, 'logbook.save', { kind: 'rumour', finalise: true, data: finalData('rumour', refs, '2026-10-14T09:00') });
  await ok(core, 'logbook.save', { kind: 'loudspeaker', finalise: true, data: finalData('loudspeaker', refs) });
  await ok(core, 'logbook.save', {
    kind: 'loudspeaker',
    finalise: false,
    data: { occurredAt: '2026-11-25T06:00', operator: 'Nguyễn Văn Tâm' },
  });
  await core.close();
});
afterEach(() => temp.remove());

/** A step a later version might add: the operator's name becomes a list of operators. */
const operatorsStep: Migration = {
  to: 2,
  up: (record) => {
    if (record.kind !== 'loudspeaker') return record;
    const { operator, ...rest } = record.data;
    return { ...record, data: { ...rest, operators: operator === undefined ? [] : [operator] } };
  },
};

const onDamaged = () => {
  throw new Error('no file here is damaged');
};
const monthFile = (kind: LogbookKind, month: string) => path.join(root(), kind, `${month}.json`);
/** The records of a month as stored (its snapshot and change log), read afresh. */
const recordsIn = (kind: LogbookKind, month: string): Promise<LogRecord[]> => new MonthFiles(root(), onDamaged).records(kind, month);
/** Every stored file's bytes, by name: to see that nothing was rewritten. */
async function snapshot(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(root(), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.join(entry.parentPath, entry.name), await readFile(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}
const meta = async () => JSON.parse(await readFile(path.join(root(), 'meta.json'), 'utf8')) as unknown;

describe('schema migrations', () => {
  it('mark a data folder with the version of its records at the first start', async () => {
    await expect(meta()).resolves.toEqual({ schemaVersion: currentSchemaVersion });
    expect((await recordsIn('loudspeaker', '2026-11')).map((record) => record.schemaVersion)).toEqual([1, 1]);
  });

  it('rewrite older records with each step, then mark the folder; a second start changes nothing', async () => {
    const first = await migrateLogbooks(root(), new MonthFiles(root(), onDamaged), [operatorsStep], 2);
    expect(first).toEqual({ from: 1, to: 2, recordsChanged: 3 });
    const sessions = await recordsIn('loudspeaker', '2026-11');
    expect(sessions.map((record) => [record.schemaVersion, record.data['operators'], 'operator' in record.data])).toEqual([
      [2, ['Nguyễn Văn Tâm'], false],
      [2, ['Nguyễn Văn Tâm'], false],
    ]);
    expect((await recordsIn('rumour', '2026-10')).map((record) => record.schemaVersion)).toEqual([2]);
    await expect(meta()).resolves.toEqual({ schemaVersion: 2 });

    const before = await snapshot();
    await expect(migrateLogbooks(root(), new MonthFiles(root(), onDamaged), [operatorsStep], 2)).resolves.toEqual({
      from: 2,
      to: 2,
      recordsChanged: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('apply several steps in order, and leave records already at the target alone', async () => {
    const order: string[] = [];
    const steps: Migration[] = [
      { to: 2, up: (record) => (order.push(`2:${record.kind}`), { ...record, data: { ...record.data, v2: true } }) },
      { to: 3, up: (record) => (order.push(`3:${record.kind}`), { ...record, data: { ...record.data, v3: record.data['v2'] === true } }) },
    ];
    // One record already written by version 3 (brought over from a newer laptop).
    const [rumour] = await recordsIn('rumour', '2026-10');
    await writeFile(monthFile('rumour', '2026-10'), JSON.stringify({ records: [{ ...rumour, schemaVersion: 3 }] }));

    await expect(migrateLogbooks(root(), new MonthFiles(root(), onDamaged), steps, 3)).resolves.toEqual({
      from: 1,
      to: 3,
      recordsChanged: 2,
    });
    expect(order).toEqual(['2:loudspeaker', '3:loudspeaker', '2:loudspeaker', '3:loudspeaker']);
    expect((await recordsIn('loudspeaker', '2026-11')).map((record) => [record.schemaVersion, record.data['v3']])).toEqual([
      [3, true],
      [3, true],
    ]);
    expect((await recordsIn('rumour', '2026-10')).map((record) => [record.schemaVersion, record.data['v2']])).toEqual([[3, undefined]]);
  });

  it('look at every record once when the folder has no mark, and change none already current', async () => {
    await rm(path.join(root(), 'meta.json'));
    const before = await snapshot();
    await expect(migrateLogbooks(root(), new MonthFiles(root(), onDamaged))).resolves.toEqual({
      from: 0,
      to: currentSchemaVersion,
      recordsChanged: 0,
    });
    const after = await snapshot();
    after.delete(path.join(root(), 'meta.json'));
    expect(after).toEqual(before);
    await expect(meta()).resolves.toEqual({ schemaVersion: currentSchemaVersion });
  });

  it('leave a data folder written by a newer version untouched, and still read it', async () => {
    await migrateLogbooks(root(), new MonthFiles(root(), onDamaged), [operatorsStep], 2);
    const before = await snapshot();

    const core = await openTestCore(temp.dir, clock);
    const { records } = await ok(core, 'logbook.list', { kind: 'loudspeaker' });
    expect(records.map((record) => [record.schemaVersion, record.data['operators']])).toEqual([
      [2, ['Nguyễn Văn Tâm']],
      [2, ['Nguyễn Văn Tâm']],
    ]);
    await core.close();
    expect(await snapshot()).toEqual(before);
  });
});
