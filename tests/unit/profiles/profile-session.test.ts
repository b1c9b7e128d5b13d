import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { hasTextInEveryLanguage, ok, refusal } from '../../support/core-harness';
import { coreTest } from '../../support/core-fixture';
import { addRefs, finalData, type Refs } from '../../support/logbook-records';

const pin = '975310';
const idOf = async (core: Core, name: string) =>
  (await ok(core, 'profiles.session', {})).profiles.find((profile) => profile.name === name)?.id ?? '';
const rumour = (refs: Refs) => ({ kind: 'rumour', finalise: true, data: finalData('rumour', refs) }) as const;

describe('people sharing one laptop', () => {
  coreTest('must choose who they are before writing in a logbook', async ({ core }) => {
    const refused = await refusal(core, 'logbook.save', { kind: 'rumour', finalise: false, data: { occurredAt: '2026-11-24T07:30' } });
    expect(refused).toMatchObject({ code: 'refused', messageKey: 'profiles:noneActive' });
    expect(hasTextInEveryLanguage('profiles:noneActive')).toBe(true);
  });

  coreTest('each have a profile, and each record names who wrote it and who changed it', async ({ core: opened, reopen }) => {
    let core = opened;
    const first = await ok(core, 'profiles.save', { name: 'Y Bhim Niê' });
    expect(first).toMatchObject({ activeId: first.profiles[0]?.id, locked: false, profiles: [{ name: 'Y Bhim Niê', hasPin: false }] });
    // Adding a second person does not change who is working.
    const second = await ok(core, 'profiles.save', { name: 'Trần Thị Lan' });
    expect(second.activeId).toBe(first.activeId);
    const [bhim, lan] = [await idOf(core, 'Y Bhim Niê'), await idOf(core, 'Trần Thị Lan')];

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
    core = await reopen();
    await expect(ok(core, 'profiles.session', {})).resolves.toMatchObject({ activeId: lan, locked: false, deviceId: written.device });
  });
});

/** Y Bhim Niê, who has a PIN and is chosen, and Trần Thị Lan, who has none. */
const pinTest = coreTest.extend<{ bhim: string; refs: Refs }>({
  bhim: [
    async ({ core }, use) => {
      await ok(core, 'profiles.save', { name: 'Y Bhim Niê', pin });
      await ok(core, 'profiles.save', { name: 'Trần Thị Lan' });
      await use(await idOf(core, 'Y Bhim Niê'));
    },
    { auto: true },
  ],
  refs: async ({ core }, use) => {
    await use(await addRefs(core));
  },
});

describe('a PIN', () => {
  pinTest('is never stored as typed, only as a salted hash', async ({ temp, core }) => {
    const text = await readFile(path.join(temp.dir, 'profiles.json'), 'utf8');
    expect(text).not.toContain(pin);
    const stored = (JSON.parse(text) as { profiles: { name: string; pin?: Record<string, unknown> }[] }).profiles;
    expect(Object.keys(stored.find((profile) => profile.name === 'Y Bhim Niê')?.pin ?? {}).sort()).toEqual(['N', 'hash', 'salt']);
    expect(stored.find((profile) => profile.name === 'Trần Thị Lan')?.pin).toBeUndefined();
    await expect(ok(core, 'profiles.session', {})).resolves.toMatchObject({ profiles: [{ hasPin: true }, { hasPin: false }] });
  });

  pinTest('locks the app: nothing is read or written until the right PIN is given', async ({ core, refs, bhim }) => {
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
    await expect(refusal(core, 'profiles.activate', { id: await idOf(core, 'Trần Thị Lan') })).resolves.toMatchObject({
      code: 'forbidden',
    });
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

  pinTest('shuts out guessing for 30 seconds after 5 wrong tries, then opens with the right one', async ({ clock, core, refs, bhim }) => {
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

  pinTest('is asked for when the app starts again', async ({ refs, reopen, bhim }) => {
    const core = await reopen();
    await expect(ok(core, 'profiles.session', {})).resolves.toMatchObject({ locked: true, activeId: bhim });
    await expect(refusal(core, 'logbook.save', rumour(refs))).resolves.toMatchObject({ code: 'forbidden' });
    await expect(ok(core, 'profiles.activate', { id: bhim, pin })).resolves.toMatchObject({ locked: false });
  });

  pinTest('is changed or removed only with the current one', async ({ core, bhim }) => {
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

  pinTest('rejects a PIN that is not 4 to 8 digits', async ({ core }) => {
    await expect(refusal(core, 'profiles.save', { name: 'H Mai Niê', pin: '12a4' })).resolves.toMatchObject({
      code: 'invalid_input',
      field: 'pin',
    });
    await expect(refusal(core, 'profiles.save', { name: 'H Mai Niê', pin: '123' })).resolves.toMatchObject({
      code: 'invalid_input',
      field: 'pin',
    });
  });

  pinTest('keeps the idle time after which the app locks', async ({ core, reopen }) => {
    await expect(ok(core, 'profiles.setIdleLock', { minutes: 5 })).resolves.toMatchObject({ idleLockMinutes: 5 });
    await expect(ok(await reopen(), 'profiles.session', {})).resolves.toMatchObject({ idleLockMinutes: 5 });
  });
});
