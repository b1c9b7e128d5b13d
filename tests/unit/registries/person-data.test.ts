import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import type { LogRecord } from '../../../electron/core/contract/logbooks';
import { downloaded, hasTextInEveryLanguage, ok, refusal } from '../../support/core-harness';
import { recordsTest } from '../../support/core-fixture';
import { consentGiven, finalData } from '../../support/logbook-records';

/** Records about him, about her, about her then him, about him then her. */
type Records = Record<'aboutHim' | 'aboutHer' | 'nowHim' | 'onceHim', LogRecord>;

const test = recordsTest.extend<{
  /** Another figure, H Liên Niê, besides the one of `refs`. */
  other: string;
  records: Records;
  everyRecord: () => Promise<LogRecord[]>;
  /** Every file the laptop keeps that holds `text`, outside the folder of files being handed out. */
  filesHolding: (text: string) => Promise<string[]>;
}>({
  other: async ({ core }, use) => {
    const saved = await ok(core, 'registry.save', {
      registry: 'figures',
      data: { fullName: 'H Liên Niê', sex: 'female', categories: ['artisan'], languages: [], consent: consentGiven },
    });
    await use(saved.id);
  },
  records: [
    async ({ core, refs, other }, use) => {
      const outreach = (figureId: string, occurredAt: string) => ({ ...finalData('figureOutreach', refs, occurredAt), figureId });
      const save = (figureId: string, occurredAt: string) =>
        ok(core, 'logbook.save', { kind: 'figureOutreach', finalise: true, data: outreach(figureId, occurredAt) });
      const change = (record: LogRecord, figureId: string) =>
        ok(core, 'logbook.save', { kind: 'figureOutreach', id: record.id, finalise: true, data: outreach(figureId, record.occurredAt) });
      await use({
        aboutHim: await save(refs.figureId, '2026-10-03T19:00'),
        aboutHer: await save(other, '2026-11-05T19:00'),
        nowHim: await change(await save(other, '2026-11-12T19:00'), refs.figureId),
        onceHim: await change(await save(refs.figureId, '2026-11-19T19:00'), other),
      });
    },
    { auto: true },
  ],
  everyRecord: async ({ core }, use) => {
    await use(async () => (await ok(core, 'logbook.list', { kind: 'figureOutreach', fromMonth: '2026-01' })).records);
  },
  filesHolding: async ({ temp }, use) => {
    await use(async (text) => {
      const found: string[] = [];
      for (const entry of await readdir(temp.dir, { recursive: true, withFileTypes: true })) {
        const file = path.join(entry.parentPath, entry.name);
        if (entry.isFile() && !file.includes(`${path.sep}transfers${path.sep}`) && (await readFile(file, 'utf8')).includes(text))
          found.push(path.relative(temp.dir, file));
      }
      return found;
    });
  },
});

describe("one person's data", () => {
  test('is exported whole: their entry, their village and every record naming them, even in an earlier state', async ({
    core,
    refs,
    records,
  }) => {
    const { downloadId, fileName } = await ok(core, 'registry.exportPerson', { id: refs.figureId });
    expect(fileName).toBe(`chieng-nguoi-${refs.figureId}.json`);
    const file = JSON.parse((await downloaded(core, downloadId)).toString('utf8')) as {
      format: string;
      person: { id: string; data: Record<string, unknown> };
      village: string;
      records: LogRecord[];
    };
    expect(file).toMatchObject({
      format: 'chieng.person',
      person: { id: refs.figureId, data: { fullName: 'Y Kông Ayun', ethnicity: 'Ê Đê', consent: consentGiven } },
      village: 'Buôn Ea Bhốk',
    });
    expect(file.records.map((record) => record.id).sort()).toEqual([records.aboutHim.id, records.nowHim.id, records.onceHim.id].sort());
  });

  test('is erased only when the name is typed to confirm', async ({ core, refs, everyRecord }) => {
    const error = await refusal(core, 'registry.erasePerson', { id: refs.figureId, confirmName: 'H Liên Niê' });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'confirmName', messageKey: 'registries:erase.confirmMismatch' });
    expect(hasTextInEveryLanguage(error.messageKey)).toBe(true);
    expect((await ok(core, 'registry.list', { registry: 'figures' })).entries).toHaveLength(2);
    expect((await everyRecord()).map((record) => record.revision).sort()).toEqual([1, 1, 2, 2]);
  });

  test('is erased everywhere: the entry goes, and records and their earlier states keep only that someone was there', async ({
    core,
    refs,
    other,
    records,
    everyRecord,
    filesHolding,
  }) => {
    // Typed without accents, as on a laptop without a Vietnamese keyboard.
    await expect(ok(core, 'registry.erasePerson', { id: refs.figureId, confirmName: ' y kong ayun ' })).resolves.toEqual({
      erased: true,
      recordsChanged: 3,
    });
    expect((await ok(core, 'registry.list', { registry: 'figures' })).entries.map((entry) => entry.id)).toEqual([other]);

    const after = new Map((await everyRecord()).map((record) => [record.id, record]));
    expect(after.get(records.aboutHim.id)).toMatchObject({ revision: 2, data: { figureId: 'erased' } });
    expect(after.get(records.nowHim.id)).toMatchObject({
      revision: 3,
      data: { figureId: 'erased' },
      revisions: [{ data: { figureId: other } }],
    });
    expect(after.get(records.onceHim.id)).toMatchObject({
      revision: 3,
      data: { figureId: other },
      revisions: [{ data: { figureId: 'erased' } }],
    });
    expect(after.get(records.aboutHer.id)).toEqual(records.aboutHer);
    await expect(filesHolding(refs.figureId)).resolves.toEqual([]);

    await expect(refusal(core, 'registry.exportPerson', { id: refs.figureId })).resolves.toMatchObject({ code: 'not_found' });
    const csv = await downloaded(
      core,
      (await ok(core, 'logbook.export', { kind: 'figureOutreach', fromMonth: '2026-10', format: 'csv' })).downloadId,
    );
    expect(csv.toString('utf8').match(/\(đã xóa theo yêu cầu\)/g)).toHaveLength(2);
  });

  test("is only a community figure's: a village cannot be erased this way", async ({ core, refs }) => {
    await expect(refusal(core, 'registry.erasePerson', { id: refs.villageId, confirmName: 'Buôn Ea Bhốk' })).resolves.toMatchObject({
      code: 'not_found',
      messageKey: 'registries:notFound',
    });
    expect((await ok(core, 'registry.list', { registry: 'villages' })).entries).toHaveLength(1);
  });
});
