import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '../fixtures';

/** The month a record made now falls in, on the field worker's clock (Vietnam, UTC+7). */
const currentMonth = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);

test('a logbook month found damaged when first read is moved aside and the user told at once', async ({ app }) => {
  const folder = path.join(app.dataDir, 'logbooks', 'rumour');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, `${currentMonth()}.json`), '{"records": [ {"id": "01J');
  // Found at the next start, as after a power cut; months are read when first asked for.
  await app.restart();
  const banner = app.page.locator('.notice-banner');
  await expect(banner).toHaveCount(0);

  // Reading the month (as the rumours list does) finds it damaged.
  await expect(app.callCore('logbook.list', { kind: 'rumour' })).resolves.toMatchObject({ ok: true, value: { total: 0 } });

  await expect(banner).toBeVisible();
  await expect(banner).toContainText(`${currentMonth()}.json`);
  await expect(banner).toContainText('bị hỏng');
  // The damaged file is kept beside, not deleted; the logbook works on.
  expect((await readdir(folder)).some((name) => name.startsWith(`${currentMonth()}.json`) && name !== `${currentMonth()}.json`)).toBe(true);
});
