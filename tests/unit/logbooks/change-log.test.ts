// A save appends one line to its month's change log instead of rewriting the month; the log
// is folded into the month's snapshot now and then. These tests look at the files a crash or
// a damaged disk could leave, and check that no saved record is lost or kept twice.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogRecord } from '../../../electron/core/contract/logbooks';
import { LogbookService } from '../../../electron/core/logbooks/logbook-service';
import { foldAfter, MonthFiles } from '../../../electron/core/logbooks/month-files';
import { makeTempDir } from '../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let service: LogbookService;
let damaged: { file: string; movedTo: string }[];

const author = { profileId: 'tester', name: 'H Hoa Byă' };
const folder = () => path.join(temp.dir, 'logbooks', 'rumour');
const logFile = (month: string) => path.join(folder(), `${month}.changes.jsonl`);
const logText = (month: string) => readFile(logFile(month), 'utf8').catch(() => undefined);
const logLines = async (month: string) => ((await logText(month)) ?? '').split('\n').filter((line) => line !== '');
/** The ids in a month's snapshot, as on disk, without its log. */
const snapshotIds = async (month: string) =>
  (JSON.parse(await readFile(path.join(folder(), `${month}.json`), 'utf8')) as { records: LogRecord[] }).records.map((record) => record.id);

async function reopen(): Promise<void> {
  await service?.settle();
  damaged = [];
  service = (await LogbookService.open(temp.dir, { device: 'test', onDamaged: (file, movedTo) => damaged.push({ file, movedTo }) }))
    .service;
}

const rumour = (occurredAt: string, content = 'Tin đồn uống nước lá cây chữa khỏi sốt xuất huyết') => ({
  occurredAt,
  content,
  place: 'Chợ buôn Ea Bhốk',
  channels: ['zalo'],
  answeredBy: [],
  status: 'new',
});
const save = (data: Record<string, unknown>, id?: string, month?: string) =>
  service.save({ kind: 'rumour', finalise: true, data, ...(id ? { id, month } : {}) }, author);
/** What the officer sees: id, revision and text of every record, newest first. */
const listed = async () =>
  (await service.list({ kind: 'rumour', fromMonth: '2026-01', toMonth: '2026-12' })).records.map((record) => [
    record.id,
    record.revision,
    record.data['content'],
  ]);
/** Every record with the month it is kept in, to catch one kept twice. */
async function everywhere(): Promise<[string, string][]> {
  const found: [string, string][] = [];
  for await (const { month, records } of service.all('rumour'))
    found.push(...records.map((record): [string, string] => [record.id, month]));
  return found.sort();
}

beforeEach(async () => {
  temp = await makeTempDir('chieng-change-log');
  await reopen();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await service.settle();
  await temp.remove();
});

describe('a save', () => {
  it('lands as one line in the change log, and is there after a restart', async () => {
    const first = await save(rumour('2026-10-01T08:00'));
    const second = await save(rumour('2026-10-02T08:00'));
    await expect(snapshotIds('2026-10')).resolves.toEqual([first.id]);
    await expect(logLines('2026-10')).resolves.toHaveLength(1);

    await reopen();
    expect(await listed()).toEqual([
      [second.id, 1, second.data['content']],
      [first.id, 1, first.data['content']],
    ]);
    expect(damaged).toEqual([]);
  });

  it('of an edit replaces the record by its id, never adding a second copy', async () => {
    const first = await save(rumour('2026-10-01T08:00'));
    const second = await save(rumour('2026-10-02T08:00'));
    await save(rumour('2026-10-02T08:00', 'Đã xác minh: tin sai'), second.id, '2026-10');
    await expect(logLines('2026-10')).resolves.toHaveLength(2);

    await reopen();
    expect(await listed()).toEqual([
      [second.id, 2, 'Đã xác minh: tin sai'],
      [first.id, 1, first.data['content']],
    ]);
    expect((await service.get('rumour', second.id)).revisions.map((each) => each.data['content'])).toEqual([second.data['content']]);
  });
});

describe('a change log', () => {
  it('ending in a line a crash cut short: the line is ignored, those before it kept, and the next save starts clean', async () => {
    const saved = [await save(rumour('2026-10-01T08:00')), await save(rumour('2026-10-02T08:00')), await save(rumour('2026-10-03T08:00'))];
    const whole = (await logLines('2026-10'))[0]!;
    await writeFile(
      logFile('2026-10'),
      `${(await logText('2026-10'))!}${whole.replace(saved[1]!.id, '01CUTSHORT0000000000000000').slice(0, 200)}`,
    );

    await reopen();
    expect((await listed()).map(([id]) => id)).toEqual(saved.map((record) => record.id).reverse());
    expect(damaged).toEqual([]);

    const next = await save(rumour('2026-10-04T08:00'));
    await reopen();
    expect((await listed()).map(([id]) => id)).toEqual([next, ...saved.reverse()].map((record) => record.id));
    expect(damaged).toEqual([]);
    // Not appended after the cut-short line, where it would have made that line damaged.
    await expect(logText('2026-10')).resolves.toBeUndefined();
    await expect(snapshotIds('2026-10')).resolves.toHaveLength(4);
  });

  it('with a damaged line in the middle is moved aside and the user told; the snapshot and the lines that parse are kept', async () => {
    const [first, , third] = [
      await save(rumour('2026-10-01T08:00')),
      await save(rumour('2026-10-02T08:00')),
      await save(rumour('2026-10-03T08:00')),
    ];
    const [, thirdLine] = await logLines('2026-10');
    const garbage = `{"generation":1,"record":{"id":"01J\n${thirdLine!}\n`;
    await writeFile(logFile('2026-10'), garbage);

    await reopen();
    expect((await listed()).map(([id]) => id)).toEqual([third.id, first.id]);
    expect(damaged).toEqual([{ file: logFile('2026-10'), movedTo: expect.stringMatching(/2026-10\.changes\.jsonl\.damaged-/) as string }]);
    await expect(readFile(damaged[0]!.movedTo, 'utf8')).resolves.toBe(garbage);

    // Told once: what could be read is in the snapshot now.
    await reopen();
    expect((await listed()).map(([id]) => id)).toEqual([third.id, first.id]);
    expect(damaged).toEqual([]);
  });

  it(`is folded into the snapshot once it holds ${foldAfter} lines, and reads the same before and after`, async () => {
    await save(rumour('2026-10-01T06:00'));
    for (let index = 0; index < foldAfter; index += 1)
      await save(
        rumour(`2026-10-${String(1 + (index % 28)).padStart(2, '0')}T07:${String(index % 60).padStart(2, '0')}`, `Tin đồn số ${index}`),
      );
    await expect(logLines('2026-10')).resolves.toHaveLength(foldAfter);
    await expect(snapshotIds('2026-10')).resolves.toHaveLength(1);
    const before = await listed();

    const last = await save(rumour('2026-10-28T23:00', 'Tin đồn cuối'));
    await expect(logText('2026-10')).resolves.toBeUndefined();
    await expect(snapshotIds('2026-10')).resolves.toHaveLength(foldAfter + 2);
    await reopen();
    expect(await listed()).toEqual([[last.id, 1, 'Tin đồn cuối'], ...before]);
  });

  it('left behind by a crash after its lines were folded in is not applied again: no copy, no older state comes back', async () => {
    const first = await save(rumour('2026-10-01T08:00'));
    const second = await save(rumour('2026-10-02T08:00'));
    await save(rumour('2026-10-02T08:00', 'Bản sửa'), second.id, '2026-10');
    const stale = (await logText('2026-10'))!;
    await expect(
      service.rewrite('rumour', '2026-10', (record) =>
        record.id === second.id ? { ...record, data: { ...record.data, content: 'Đã viết lại' } } : undefined,
      ),
    ).resolves.toBe(1);
    // The crash came between the new snapshot and the log's removal.
    await writeFile(logFile('2026-10'), stale);

    await reopen();
    expect(await listed()).toEqual([
      [second.id, 2, 'Đã viết lại'],
      [first.id, 1, first.data['content']],
    ]);
    // Later saves go after the stale lines, and still count.
    const third = await save(rumour('2026-10-03T08:00'));
    await reopen();
    expect(await listed()).toEqual([
      [third.id, 1, third.data['content']],
      [second.id, 2, 'Đã viết lại'],
      [first.id, 1, first.data['content']],
    ]);
    expect(damaged).toEqual([]);
  });
});

describe('records still in the change log', () => {
  it('are rewritten in place (erasing a person), and the old text is left in no file', async () => {
    await save(rumour('2026-10-01T08:00'));
    const named = await save(rumour('2026-10-02T08:00', 'Nghe Y Kông Ayun kể lại'));
    await expect(
      service.rewrite('rumour', '2026-10', (record) =>
        record.id === named.id ? { ...record, data: { ...record.data, content: 'Nghe một người kể lại' } } : undefined,
      ),
    ).resolves.toBe(1);

    for (const name of await readdir(folder()))
      expect(await readFile(path.join(folder(), name), 'utf8'), name).not.toContain('Y Kông Ayun');
    await reopen();
    expect((await listed()).map(([, , content]) => content)).toContain('Nghe một người kể lại');
  });

  it.each([
    ['whole', false],
    ['cut short after the new month was written', true],
  ])('move to another month once when the move is %s', async (_label, cutShort) => {
    const stays = await save(rumour('2026-10-01T08:00'));
    const moving = await save(rumour('2026-10-02T08:00'));
    if (cutShort) {
      const write = Object.getOwnPropertyDescriptor(MonthFiles.prototype, 'write')?.value as MonthFiles['write'];
      vi.spyOn(MonthFiles.prototype, 'write').mockImplementation(function (this: MonthFiles, kind, month, records) {
        return month === '2026-10' ? Promise.reject(new Error('power cut')) : write.call(this, kind, month, records);
      });
      await expect(save(rumour('2026-11-05T08:00'), moving.id, '2026-10')).rejects.toThrow('power cut');
      vi.restoreAllMocks();
    } else await save(rumour('2026-11-05T08:00'), moving.id, '2026-10');

    await reopen();
    expect(await everywhere()).toEqual(
      [
        [stays.id, '2026-10'],
        [moving.id, '2026-11'],
      ].sort(),
    );
    await expect(logText('2026-10')).resolves.toBeUndefined();
  });
});
