import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { hasTextInEveryLanguage, ok, openTestCore, refusal, TestClock } from '../../support/core-harness';
import { addRefs, finalData, type Refs } from '../../support/logbook-records';
import { makeTempDir } from '../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let clock: TestClock;
let core: Core;

beforeEach(async () => {
  temp = await makeTempDir('chieng-profiles');
  clock = new TestClock();
  core = await openTestCore(temp.dir, clock);
});
afterEach(async () => {
  await core.close();
  await temp.remove();
});

const pin = '975310';
const idOf = async (name: string) => (await ok(core, 'profiles.session', {})).profiles.find((profile) => profile.name === name)?.id ?? '';
const rumour = (refs: Refs) => ({ kind: 'rumour', finalise: true, data: finalData('rumour', refs) }) as const;

describe('people sharing one laptop', () => {
  it('must choose who they are before writing in a logbook', async () => {
    const refused = await refusal(core, 'logbook.save', { kind: 'rumour', finalise: false, data: { occurredAt: '2026-11-24T07:30' } });
    expect(refused).toMatchObject({ code: 'refused', messageKey: 'profiles:noneActive' });
    expect(hasTextInEveryLanguage('profiles:noneActive')).toBe(true);
  });

  it('each have a profile, and each record names who wrote it and who changed it', async () => {
    const first = await ok(core, 'profiles.save', { name: 'Y Bhim Niê' });
    expect(first).toMatchObject({ activeId: first.profiles[0]?.id, locked: false, profiles: [{ name: 'Y Bhim Niê', hasPin: false }] });
    // Adding a second person does not change who is working.
    const second = await ok(core, 'profiles.save', { name: 'Trần Thị Lan' });
    expect(second.activeId).toBe(first.activeId);
    const [bhim, lan] = [await idOf('Y Bhim Niê'), await idOf('Trần Thị Lan')];

    const refs = await addRefs(core);
    const written = await ok(core, 'logbook.save', rumour(refs));
    expect(written.author).toEqual({ profileId: bhim, name: 'Y Bhim Niê' });

    await ok(core, 'profiles.activate', { id: lan });
    const changed = await ok(core, 'logbook.save', {
      ...rumour(refs),
      id: written.id,
      data: { ...finalData('rumour', refs), status: 'forwarded' },
    });
    expect(changed).toMatchObject({
      author: { profileId: bhim },
      savedBy: { profileId: lan, name: 'Trần Thị Lan' },
      revisions: [{ savedBy: { profileId: bhim } }],
    });
    const withdrawn = await ok(core, 'logbook.withdraw', { kind: 'rumour', id: written.id, reason: 'Tin đã được xử lý ở bản ghi khác' });
    expect(withdrawn.withdrawal?.by).toEqual({ profileId: lan, name: 'Trần Thị Lan' });

    // The choice is kept across a restart.
    await core.close();
    core = await openTestCore(temp.dir, clock);
    await expect(ok(core, 'profiles.session', {})).resolves.toMatchObject({ activeId: lan, locked: false, deviceId: written.device });
  });
});

describe('a PIN', () => {
  let bhim: string;
  let refs: Refs;

  beforeEach(async () => {
    await ok(core, 'profiles.save', { name: 'Y Bhim Niê', pin });
    await ok(core, 'profiles.save', { name: 'Trần Thị Lan' });
    bhim = await idOf('Y Bhim Niê');
    refs = await addRefs(core);
  });

  it('is never stored as typed, only as a salted hash', async () => {
    const text = await readFile(path.join(temp.dir, 'profiles.json'), 'utf8');
    expect(text).not.toContain(pin);
    const stored = (JSON.parse(text) as { profiles: { name: string; pin?: Record<string, unknown> }[] }).profiles;
    expect(Object.keys(stored.find((profile) => profile.name === 'Y Bhim Niê')?.pin ?? {}).sort()).toEqual(['N', 'hash', 'salt']);
    expect(stored.find((profile) => profile.name === 'Trần Thị Lan')?.pin).toBeUndefined();
    await expect(ok(core, 'profiles.session', {})).resolves.toMatchObject({ profiles: [{ hasPin: true }, { hasPin: false }] });
  });

  it('locks the app: nothing is read or written until the right PIN is given', async () => {
    const record = await ok(core, 'logbook.save', rumour(refs));
    await expect(ok(core, 'profiles.lock', {})).resolves.toMatchObject({ locked: true, activeId: bhim });

    for (const [method, input] of [
      ['logbook.save', rumour(refs)],
      ['logbook.withdraw', { kind: 'rumour', id: record.id, reason: 'Không hợp lệ' }],
      ['logbook.list', { kind: 'rumour' }],
      ['logbook.get', { kind: 'rumour', id: record.id }],
      ['logbook.export', { kind: 'rumour', format: 'json' }],
      ['registry.save', { registry: 'villages', data: { name: 'Thôn 9', type: 'thon' } }],
      ['registry.list', { registry: 'figures' }],
      ['registry.exportPerson', { id: refs.figureId }],
      ['profiles.save', { name: 'Người lạ' }],
    ] as const) {
      await expect(refusal(core, method, input), method).resolves.toMatchObject({ code: 'forbidden', messageKey: 'profiles:locked' });
    }
    expect(hasTextInEveryLanguage('profiles:locked')).toBe(true);

    // Choosing the profile without a PIN is no way round the lock.
    await expect(refusal(core, 'profiles.activate', { id: await idOf('Trần Thị Lan') })).resolves.toMatchObject({ code: 'forbidden' });
    await expect(refusal(core, 'profiles.activate', { id: bhim, pin: '000000' })).resolves.toMatchObject({
      code: 'refused',
      field: 'pin',
      messageKey: 'profiles:wrongPin',
    });
    await expect(refusal(core, 'profiles.activate', { id: bhim })).resolves.toMatchObject({
      code: 'refused',
      messageKey: 'profiles:wrongPin',
    });

    await expect(ok(core, 'profiles.activate', { id: bhim, pin })).resolves.toMatchObject({ locked: false });
    await expect(ok(core, 'logbook.list', { kind: 'rumour' })).resolves.toMatchObject({ total: 1 });
    await expect(ok(core, 'registry.save', { registry: 'villages', data: { name: 'Thôn 9', type: 'thon' } })).resolves.toMatchObject({
      data: { name: 'Thôn 9' },
    });
  });

  it('shuts out guessing for 30 seconds after 5 wrong tries, then opens with the right one', async () => {
    await ok(core, 'profiles.lock', {});
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await expect(refusal(core, 'profiles.activate', { id: bhim, pin: `00000${attempt}` })).resolves.toMatchObject({
        messageKey: 'profiles:wrongPin',
      });
    }
    // Even the right PIN waits out the 30 seconds.
    await expect(refusal(core, 'profiles.activate', { id: bhim, pin })).resolves.toMatchObject({
      code: 'refused',
      messageKey: 'profiles:tooManyAttempts',
      params: { seconds: 30 },
    });
    clock.advance(29_000);
    await expect(refusal(core, 'profiles.activate', { id: bhim, pin })).resolves.toMatchObject({
      messageKey: 'profiles:tooManyAttempts',
      params: { seconds: 1 },
    });
    await expect(refusal(core, 'logbook.save', rumour(refs))).resolves.toMatchObject({ code: 'forbidden' });
    expect(hasTextInEveryLanguage('profiles:tooManyAttempts')).toBe(true);

    clock.advance(1_000);
    await expect(ok(core, 'profiles.activate', { id: bhim, pin })).resolves.toMatchObject({ locked: false, activeId: bhim });
    await expect(ok(core, 'logbook.save', rumour(refs))).resolves.toMatchObject({ author: { profileId: bhim } });
  });

  it('is asked for when the app starts again', async () => {
    await core.close();
    core = await openTestCore(temp.dir, clock);
    await expect(ok(core, 'profiles.session', {})).resolves.toMatchObject({ locked: true, activeId: bhim });
    await expect(refusal(core, 'logbook.save', rumour(refs))).resolves.toMatchObject({ code: 'forbidden' });
    await expect(ok(core, 'profiles.activate', { id: bhim, pin })).resolves.toMatchObject({ locked: false });
  });

  it('is changed or removed only with the current one', async () => {
    await expect(refusal(core, 'profiles.save', { id: bhim, name: 'Y Bhim Niê', pin: null })).resolves.toMatchObject({
      field: 'currentPin',
      messageKey: 'profiles:wrongPin',
    });
    await expect(refusal(core, 'profiles.save', { id: bhim, name: 'Y Bhim Niê', pin: '1234', currentPin: '1111' })).resolves.toMatchObject({
      field: 'currentPin',
    });
    await ok(core, 'profiles.save', { id: bhim, name: 'Y Bhim Niê', pin: '1234', currentPin: pin });
    await ok(core, 'profiles.lock', {});
    await expect(refusal(core, 'profiles.activate', { id: bhim, pin })).resolves.toMatchObject({ messageKey: 'profiles:wrongPin' });
    await ok(core, 'profiles.activate', { id: bhim, pin: '1234' });
    await expect(ok(core, 'profiles.save', { id: bhim, name: 'Y Bhim Niê', pin: null, currentPin: '1234' })).resolves.toMatchObject({
      profiles: [{ hasPin: false }, { hasPin: false }],
    });
    // Without a PIN, locking has nothing to ask for.
    await expect(ok(core, 'profiles.lock', {})).resolves.toMatchObject({ locked: false });
  });

  it('rejects a PIN that is not 4 to 8 digits', async () => {
    await expect(refusal(core, 'profiles.save', { name: 'H Mai Niê', pin: '12a4' })).resolves.toMatchObject({
      code: 'invalid_input',
      field: 'pin',
    });
    await expect(refusal(core, 'profiles.save', { name: 'H Mai Niê', pin: '123' })).resolves.toMatchObject({
      code: 'invalid_input',
      field: 'pin',
    });
  });

  it('keeps the idle time after which the app locks', async () => {
    await expect(ok(core, 'profiles.setIdleLock', { minutes: 5 })).resolves.toMatchObject({ idleLockMinutes: 5 });
    await core.close();
    core = await openTestCore(temp.dir, clock);
    await expect(ok(core, 'profiles.session', {})).resolves.toMatchObject({ idleLockMinutes: 5 });
  });
});
