import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { ok } from '../../support/core-harness';
import { recordsTest as test } from '../../support/core-fixture';
import { finalData } from '../../support/logbook-records';

test('removes the temp files of writes a crash cut short, and nothing else, at the next start', async ({ core, refs, temp, reopen }) => {
  const saved = await ok(core, 'logbook.save', { kind: 'rumour', finalise: true, data: finalData('rumour', refs, '2026-11-03T09:00') });
  await core.close();
  const rumours = path.join(temp.dir, 'logbooks', 'rumour');
  // Half-written months a power cut left, and a file of the user's that merely ends in .tmp.
  await writeFile(path.join(rumours, '2026-11.json.4242.0123456789ab.tmp'), '{"records":[{"id":"01');
  await writeFile(path.join(temp.dir, 'logbooks', 'journal.json.977.abcdefabcdef.tmp'), '');
  await writeFile(path.join(rumours, 'ghi-chu.tmp'), 'của người dùng');

  const again = await reopen();

  expect((await readdir(rumours)).sort()).toEqual(['2026-11.json', 'ghi-chu.tmp']);
  expect(await readdir(path.join(temp.dir, 'logbooks'))).not.toContain('journal.json.977.abcdefabcdef.tmp');
  const listed = await ok(again, 'logbook.list', { kind: 'rumour', fromMonth: '2026-11', toMonth: '2026-11' });
  expect(listed.records.map((record) => record.id)).toEqual([saved.id]);
});
