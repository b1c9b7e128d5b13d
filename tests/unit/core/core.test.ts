import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import type { ApiEvent } from '../../../electron/core/contract';
import { openCore } from '../../../electron/core/core';
import { lockFileName } from '../../../electron/core/data-dir/data-dir-lock';
import { settingsFileName } from '../../../electron/core/settings/settings-store';
import { coreTest as test } from '../../support/core-fixture';
import { repoRoot } from '../../support/cli-process';

const open = (dataDir: string) =>
  openCore({ dataDir, kind: 'cli', appVersion: '9.9.9', resourcesDir: path.join(repoRoot, 'resources'), log: () => undefined });

describe('the core', () => {
  test('starts in Vietnamese at normal text size', async ({ temp }) => {
    const core = await open(temp.dir);
    await expect(core.call('settings.get', {})).resolves.toEqual({
      ok: true,
      value: { locale: 'vi', textScale: 100, hubUrl: '', commune: '', province: 'Đắk Lắk' },
    });
    await core.close();
  });

  test('keeps settings across restarts, and announces changes', async ({ temp }) => {
    const first = await open(temp.dir);
    const events: ApiEvent[] = [];
    first.subscribe((event) => events.push(event));
    await first.call('settings.update', { locale: 'en', textScale: 150, hubUrl: '' });
    expect(events).toEqual([
      { name: 'settings.changed', payload: { locale: 'en', textScale: 150, hubUrl: '', commune: '', province: 'Đắk Lắk' } },
    ]);
    await first.close();

    const second = await open(temp.dir);
    await expect(second.call('settings.get', {})).resolves.toEqual({
      ok: true,
      value: { locale: 'en', textScale: 150, hubUrl: '', commune: '', province: 'Đắk Lắk' },
    });
    await second.close();
  });

  test('changes nothing when an update is refused', async ({ temp }) => {
    const core = await open(temp.dir);
    await core.call('settings.update', { textScale: 125, hubUrl: '' });
    const refused = await core.call('settings.update', { locale: 'en', textScale: 175, hubUrl: '' });
    expect(refused.ok).toBe(false);
    await expect(core.call('settings.get', {})).resolves.toEqual({
      ok: true,
      value: { locale: 'vi', textScale: 125, hubUrl: '', commune: '', province: 'Đắk Lắk' },
    });
    await core.close();
  });

  test('moves a damaged settings file aside, starts with defaults and tells the user', async ({ temp }) => {
    await writeFile(path.join(temp.dir, settingsFileName), '{"locale": "en", "textSca');
    const core = await open(temp.dir);
    await expect(core.call('settings.get', {})).resolves.toEqual({
      ok: true,
      value: { locale: 'vi', textScale: 100, hubUrl: '', commune: '', province: 'Đắk Lắk' },
    });
    const info = await core.call('app.info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { version: '9.9.9', dataDir: temp.dir, notices: [{ messageKey: 'common:notice.damagedFile' }] },
    });
    const files = await readdir(temp.dir);
    const kept = files.find((name) => name.startsWith(`${settingsFileName}.damaged-`));
    expect(kept).toBeDefined();
    await expect(readFile(path.join(temp.dir, kept ?? ''), 'utf8')).resolves.toBe('{"locale": "en", "textSca');
    await core.close();
  });

  test('releases the data folder when closed', async ({ temp }) => {
    const core = await open(temp.dir);
    await expect(readdir(temp.dir)).resolves.toContain(lockFileName);
    await core.close();
    await expect(readdir(temp.dir)).resolves.not.toContain(lockFileName);
    const again = await open(temp.dir);
    await again.close();
  });
});
