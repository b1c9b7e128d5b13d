import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { ok } from '../../support/core-harness';
import { recordsTest as test } from '../../support/core-fixture';
import { finalData } from '../../support/logbook-records';

const rumoursIn = (dataDir: string) => path.join(dataDir, 'logbooks', 'rumour');
const wholeYear = { kind: 'rumour', fromMonth: '2026-01', toMonth: '2026-12' } as const;
const damagedNotices = async (core: Core) =>
  (await ok(core, 'app.info', {})).notices.filter((notice) => notice.messageKey === 'common:notice.damagedFile');

describe.each([
  ['cut-off JSON', '{"records":[{"id":"01JD'],
  ['well-formed JSON of the wrong shape', '{"records":"none"}'],
])('a month file holding %s', (_label, garbage) => {
  test('is moved aside and kept, the user is told, and the other months and new saves work', async ({
    core: first,
    refs,
    temp,
    reopen,
  }) => {
    let core = first;
    const rumours = () => rumoursIn(temp.dir);
    const october = await ok(core, 'logbook.save', { kind: 'rumour', finalise: true, data: finalData('rumour', refs, '2026-10-14T09:00') });
    const november = await ok(core, 'logbook.save', {
      kind: 'rumour',
      finalise: true,
      data: finalData('rumour', refs, '2026-11-03T09:00'),
    });
    await core.close();
    await writeFile(path.join(rumours(), '2026-10.json'), garbage);

    core = await reopen();
    const listed = await ok(core, 'logbook.list', wholeYear);
    expect(listed.records.map((record) => record.id)).toEqual([november.id]);
    expect(listed.records.map((record) => record.id)).not.toContain(october.id);

    const kept = (await readdir(rumours())).filter((name) => name.startsWith('2026-10.json.damaged-'));
    expect(kept).toHaveLength(1);
    await expect(readFile(path.join(rumours(), kept[0] ?? ''), 'utf8')).resolves.toBe(garbage);
    await expect(damagedNotices(core)).resolves.toEqual([
      expect.objectContaining({ params: { file: path.join(rumours(), '2026-10.json'), movedTo: path.join(rumours(), kept[0] ?? '') } }),
    ]);

    // The rest goes on: November is edited, October written afresh beside the kept file.
    await ok(core, 'logbook.save', {
      kind: 'rumour',
      id: november.id,
      finalise: true,
      data: { ...finalData('rumour', refs, '2026-11-03T09:00'), status: 'forwarded' },
    });
    const again = await ok(core, 'logbook.save', { kind: 'rumour', finalise: false, data: { occurredAt: '2026-10-20T10:00' } });
    await core.close();
    core = await reopen();
    expect((await ok(core, 'logbook.list', wholeYear)).records.map((record) => [record.id, record.status])).toEqual([
      [november.id, 'final'],
      [again.id, 'draft'],
    ]);
    await expect(damagedNotices(core)).resolves.toEqual([]);
    expect((await readdir(rumours())).filter((name) => name.includes('.damaged-'))).toEqual(kept);
  });
});

describe('a damaged registry file', () => {
  test('is moved aside at start and the user told, the other registries and the logbooks untouched', async ({
    temp,
    core: first,
    refs,
    reopen,
  }) => {
    let core = first;
    const record = await ok(core, 'logbook.save', { kind: 'figureOutreach', finalise: true, data: finalData('figureOutreach', refs) });
    await core.close();
    await writeFile(path.join(temp.dir, 'registries', 'figures.json'), '{"entries":[{"id":');

    core = await reopen();
    await expect(damagedNotices(core)).resolves.toHaveLength(1);
    await expect(ok(core, 'registry.list', { registry: 'figures' })).resolves.toEqual({ entries: [] });
    expect((await ok(core, 'registry.list', { registry: 'villages' })).entries.map((entry) => entry.id)).toEqual([refs.villageId]);
    await expect(ok(core, 'logbook.get', { kind: 'figureOutreach', id: record.id })).resolves.toEqual(record);
    expect((await readdir(path.join(temp.dir, 'registries'))).some((name) => name.startsWith('figures.json.damaged-'))).toBe(true);
  });
});
