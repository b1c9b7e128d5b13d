import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Failure } from '../../../electron/core/failure';
import { createDispatcher, type Handlers } from '../../../electron/core/api/dispatcher';
import { contract, maxInputBytes, type Contract } from '../../../electron/core/contract';
import { joinContract } from '../../../electron/core/contract/define';
import { unlockedGate } from '../../support/open-gate';
import { hasTextInEveryLanguage } from '../../support/core-harness';
import { PackRefusal } from '../../../electron/core/packs/pack-refusal';
import { PackNotInstalled } from '../../../electron/core/packs/pack-service';
import { HubFailure } from '../../../electron/core/sync/hub-failure';
import { BuildError } from '../../../electron/core/packs/authoring/build-error';

const quietLog = () => undefined;

// Only the settings and app methods matter here; the others are never called.
function settingsOnlyHandlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app.info': () => ({
      name: 'Chiêng',
      version: '0',
      dataDir: '/d',
      startedAt: new Date(0).toISOString(),
      platform: 'linux',
      notices: [],
    }),
    'settings.get': () => ({ locale: 'vi', textScale: 100, hubUrl: '' }),
    'settings.update': (patch) => ({ locale: patch.locale ?? 'vi', textScale: patch.textScale ?? 100, hubUrl: patch.hubUrl ?? '' }),
    ...overrides,
  } as Partial<Handlers> as Handlers;
}

describe('the dispatcher', () => {
  const call = createDispatcher(contract, settingsOnlyHandlers(), unlockedGate, quietLog);

  it('passes a valid input to its handler and returns the value', async () => {
    await expect(call('settings.update', { locale: 'en' })).resolves.toEqual({
      ok: true,
      value: { locale: 'en', textScale: 100, hubUrl: '' },
    });
  });

  it('refuses an unknown method by name, including names inherited from Object', async () => {
    for (const method of ['settings.delete', 'toString', '__proto__', 42]) {
      const result = await call(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method', messageKey: 'errors:api.unknownMethod' } });
    }
  });

  it('names the field whose value is of the wrong kind', async () => {
    await expect(call('settings.update', { locale: 7 })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors:field.notAllowed', field: 'locale' },
    });
  });

  it('names a value outside the allowed set', async () => {
    await expect(call('settings.update', { textScale: 110 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors:field.notAllowed', field: 'textScale' },
    });
  });

  it('names an unknown field instead of silently dropping it', async () => {
    await expect(call('settings.update', { locale: 'vi', colour: 'red' })).resolves.toMatchObject({
      ok: false,
      error: { messageKey: 'errors:field.unknown', field: 'colour' },
    });
  });

  it('refuses an input that is not an object at all', async () => {
    await expect(call('settings.get', 'hello')).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await expect(call('settings.get', undefined)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses an oversized input before validating it', async () => {
    const result = await call('settings.update', { locale: 'x'.repeat(maxInputBytes + 1) });
    expect(result).toMatchObject({ ok: false, error: { code: 'payload_too_large', params: { max: maxInputBytes } } });
  });

  it('refuses input that is not plain JSON data', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(call('settings.update', cyclic)).resolves.toMatchObject({ ok: false, error: { messageKey: 'errors:api.notJson' } });
    await expect(call('settings.update', { locale: 10n })).resolves.toMatchObject({
      ok: false,
      error: { messageKey: 'errors:api.notJson' },
    });
  });

  it('returns a refusal a handler raises as data', async () => {
    const refusing = createDispatcher(
      contract,
      settingsOnlyHandlers({
        'settings.update': () => {
          throw new Failure('invalid_input', 'errors:field.notAllowed', { field: 'locale' });
        },
      }),
      unlockedGate,
      quietLog,
    );
    await expect(refusing('settings.update', { locale: 'vi' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors:field.notAllowed', field: 'locale' },
    });
  });

  it.each([
    [new PackRefusal('diskFull', { pack: 'Gói', needed: 10, free: 1 }), 'storage_failed', 'packs:refused.diskFull'],
    [new PackRefusal('storageFailed', { pack: 'Gói', detail: 'EACCES' }), 'storage_failed', 'packs:refused.storageFailed'],
    [new PackRefusal('badSignature', { pack: 'Gói' }), 'refused', 'packs:refused.badSignature'],
    [new HubFailure('offline', { host: 'hub.example' }), 'unavailable', 'sync:failure.offline'],
    [new BuildError('missingFile', { file: 'a.md' }), 'invalid_input', 'packs:build.missingFile'],
    [new PackNotInstalled('vn.test.none'), 'not_found', 'packs:notInstalled'],
  ] as const)(
    'answers every kind of failure by its own code, the same way whichever method threw it (%#)',
    async (failure, code, messageKey) => {
      for (const method of ['settings.get', 'settings.update'] as const) {
        const failing = createDispatcher(
          contract,
          settingsOnlyHandlers({
            [method]: () => {
              throw failure;
            },
          }),
          unlockedGate,
          quietLog,
        );
        const result = await failing(method, {});
        expect(result).toMatchObject({ ok: false, error: { code, messageKey } });
        expect(hasTextInEveryLanguage(messageKey)).toBe(true);
      }
    },
  );

  it('hides a handler crash behind an internal error and keeps serving', async () => {
    const logged: unknown[] = [];
    const crashing = createDispatcher(
      contract,
      settingsOnlyHandlers({
        'settings.get': () => {
          throw new Error('disk on fire at /secret/path');
        },
      }),
      unlockedGate,
      (_message, error) => logged.push(error),
    );
    const result = await crashing('settings.get', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors:api.internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged).toHaveLength(1);
    await expect(crashing('settings.update', { locale: 'en' })).resolves.toMatchObject({ ok: true });
  });
});

describe('validation messages', () => {
  const probe = {
    'probe.run': {
      access: 'open',
      input: z.strictObject({
        title: z.string().max(5),
        tags: z.array(z.string()).max(1),
        count: z.number().min(1),
        nested: z.object({ name: z.string() }),
      }),
      result: z.null(),
    },
  };
  const probeContract = probe as unknown as Contract;
  const call = createDispatcher(probeContract, { 'probe.run': () => null } as unknown as Handlers, unlockedGate, quietLog);
  const valid = { title: 'ok', tags: [], count: 1, nested: { name: 'a' } };

  it.each([
    [{ ...valid, title: 'too long' }, 'errors:field.tooLong', 'title', { max: 5 }],
    [{ ...valid, tags: ['a', 'b'] }, 'errors:field.tooMany', 'tags', { max: 1 }],
    [{ ...valid, count: 0 }, 'errors:field.tooSmall', 'count', { min: 1 }],
    [{ ...valid, count: 'three' }, 'errors:field.wrongType', 'count', { expected: 'number' }],
    [{ ...valid, nested: {} }, 'errors:field.required', 'nested.name', undefined],
    [{ tags: [], count: 1, nested: { name: 'a' } }, 'errors:field.required', 'title', undefined],
  ])('says what is wrong and where (%#)', async (input, messageKey, field, params) => {
    const result = await call('probe.run', input);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', messageKey, field, ...(params ? { params } : {}) } });
  });
});

describe('joining the contract', () => {
  it('refuses a method name that two features both claim', () => {
    const a = { 'x.get': { access: 'open', input: z.object({}), result: z.null() } } as const;
    const b = { 'x.get': { access: 'open', input: z.object({}), result: z.string() } } as const;
    expect(() => joinContract(a, b)).toThrow(/x\.get.*twice/);
  });
});
