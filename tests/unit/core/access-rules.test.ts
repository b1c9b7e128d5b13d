// Every method of the contract, called as each kind of caller: the access rule its spec
// declares is the one that holds. The walk covers whatever the contract holds, so a method
// added later is walked too (and cannot be added without a sample input to walk it with).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../electron/core/contract';
import { contract, type MethodName } from '../../../electron/core/contract';
import type { ContractSlice } from '../../../electron/core/contract/define';
import type { Core } from '../../../electron/core/core';
import { hasTextInEveryLanguage, ok, openTestCore, refusal, TestClock } from '../../support/core-harness';
import { methodSamples, type MethodSamples } from '../../support/method-samples';
import { makeTempDir } from '../../support/temp-dir';

const methods = Object.keys(contract) as MethodName[];
const spec = (method: MethodName) => contract[method] as ContractSlice[string];
const ofAccess = (...access: string[]) => methods.filter((method) => access.includes(spec(method).access));

const locked = { code: 'forbidden', messageKey: 'profiles:locked' };
const noAuthor = { code: 'refused', messageKey: 'profiles:noneActive' };
const notShared = { code: 'forbidden', messageKey: 'errors:api.notShared' };
const ruleErrors = [locked, noAuthor, notShared];

/** Whether a call was turned away by an access rule (any other answer means it was let in). */
function refusedByRule(result: Result<unknown>): boolean {
  return !result.ok && ruleErrors.some((rule) => rule.code === result.error.code && rule.messageKey === result.error.messageKey);
}

/** Every file of a folder and its SHA-256, to see that a refused call wrote nothing. */
async function folderPrint(dir: string): Promise<Record<string, string>> {
  const print: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    print[path.relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return print;
}

interface Laptop {
  readonly core: Core;
  readonly dataDir: string;
  readonly samples: MethodSamples;
  readonly linh: string;
  readonly phon: string;
  close(): Promise<void>;
}

const linhPin = '2468';
const phonPin = '1357';

/** A laptop two people share, both with a PIN, H'Linh chosen, locked as after a restart. */
async function sharedLaptop(): Promise<Laptop> {
  const temp = await makeTempDir('chieng-access');
  const core = await openTestCore(temp.dir, new TestClock());
  await ok(core, 'profiles.save', { name: "H'Linh Niê", pin: linhPin });
  const session = await ok(core, 'profiles.save', { name: 'Y Phôn Ksơr', pin: phonPin });
  const [linh, phon] = session.profiles.map((profile) => profile.id) as [string, string];
  await ok(core, 'profiles.lock', {});
  return {
    core,
    dataDir: temp.dir,
    samples: methodSamples(phon),
    linh,
    phon,
    close: async () => {
      await core.close();
      await temp.remove();
    },
  };
}

describe('the contract', () => {
  it('gives every method an access rule the dispatcher knows', () => {
    // A method written without one does not compile (`access` is required in MethodSpec):
    // @ts-expect-error: every method says who may call it
    const slice: ContractSlice = { 'x.get': { input: contract['app.info'].input, result: contract['app.info'].result } };
    expect(Object.keys(slice)).toEqual(['x.get']);
    for (const method of methods) expect(['open', 'unlocked', 'author'], method).toContain(spec(method).access);
  });

  it('leaves open only what the lock screen needs', () => {
    expect(ofAccess('open').sort()).toEqual(['app.info', 'profiles.activate', 'profiles.lock', 'profiles.session', 'settings.get']);
  });

  it('says every refusal of its rules in every language', () => {
    for (const rule of ruleErrors) expect(hasTextInEveryLanguage(rule.messageKey), rule.messageKey).toBe(true);
  });
});

describe('a locked laptop', () => {
  let laptop: Laptop;
  let before: Record<string, string>;
  beforeAll(async () => {
    laptop = await sharedLaptop();
    before = await folderPrint(laptop.dataDir);
  });
  afterAll(() => laptop.close());

  it.each(ofAccess('unlocked', 'author'))('refuses %s before reading its input', async (method) => {
    await expect(laptop.core.call(method, laptop.samples[method])).resolves.toEqual({ ok: false, error: locked });
    // Even an input that would fail its schema is answered with the lock, not with what is wrong in it.
    await expect(laptop.core.call(method, { nonsense: true })).resolves.toEqual({ ok: false, error: locked });
  });

  it.each(ofAccess('open'))('answers %s', async (method) => {
    expect(refusedByRule(await laptop.core.call(method, laptop.samples[method]))).toBe(false);
  });

  it('wrote nothing while refusing', async () => {
    expect(await folderPrint(laptop.dataDir)).toEqual(before);
    await expect(ok(laptop.core, 'profiles.session', {})).resolves.toMatchObject({ locked: true, activeId: laptop.linh });
  });
});

describe('an unlocked laptop', () => {
  let laptop: Laptop;
  beforeAll(async () => {
    laptop = await sharedLaptop();
  });
  beforeEach(() => ok(laptop.core, 'profiles.activate', { id: laptop.linh, pin: linhPin }));
  afterAll(() => laptop.close());

  it.each(methods)('lets %s through', async (method) => {
    expect(refusedByRule(await laptop.core.call(method, laptop.samples[method]))).toBe(false);
  });
});

describe('a laptop where nobody is chosen yet', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let core: Core;
  beforeAll(async () => {
    temp = await makeTempDir('chieng-access');
    core = await openTestCore(temp.dir, new TestClock());
  });
  afterAll(async () => {
    await core.close();
    await temp.remove();
  });
  const samples = methodSamples('nobody');

  it.each(ofAccess('author'))('refuses %s, which saves under a person’s name', async (method) => {
    await expect(core.call(method, samples[method])).resolves.toEqual({ ok: false, error: noAuthor });
  });

  it.each(ofAccess('open', 'unlocked'))('lets %s through', async (method) => {
    expect(refusedByRule(await core.call(method, samples[method]))).toBe(false);
  });
});

describe('a shared listener', () => {
  let laptop: Laptop;
  beforeAll(async () => {
    laptop = await sharedLaptop();
    await ok(laptop.core, 'profiles.activate', { id: laptop.linh, pin: linhPin });
  });
  afterAll(() => laptop.close());

  it.each(methods)('reaches %s only if its spec says so', async (method) => {
    const result = await laptop.core.call(method, laptop.samples[method], { via: 'shared' });
    if (spec(method).shared) expect(refusedByRule(result)).toBe(false);
    else expect(result).toEqual({ ok: false, error: notShared });
  });
});

describe("another person's profile", () => {
  let laptop: Laptop;
  beforeAll(async () => {
    laptop = await sharedLaptop();
  });
  beforeEach(() => ok(laptop.core, 'profiles.activate', { id: laptop.linh, pin: linhPin }));
  afterAll(() => laptop.close());

  it('is not renamed, nor its PIN removed, without its PIN', async () => {
    const renamed = await refusal(laptop.core, 'profiles.save', { id: laptop.phon, name: 'Y Phôn' });
    expect(renamed).toMatchObject({ code: 'refused', messageKey: 'profiles:wrongPin', field: 'currentPin' });
    const unpinned = await refusal(laptop.core, 'profiles.save', { id: laptop.phon, name: 'Y Phôn Ksơr', pin: null, currentPin: linhPin });
    expect(unpinned).toMatchObject({ messageKey: 'profiles:wrongPin', field: 'currentPin' });
    const session = await ok(laptop.core, 'profiles.session', {});
    expect(session.profiles.find((profile) => profile.id === laptop.phon)).toMatchObject({ name: 'Y Phôn Ksơr', hasPin: true });
  });

  it('is changed by its own person, with its PIN', async () => {
    const session = await ok(laptop.core, 'profiles.save', { id: laptop.phon, name: 'Y Phôn', currentPin: phonPin });
    expect(session.profiles.find((profile) => profile.id === laptop.phon)).toMatchObject({ name: 'Y Phôn', hasPin: true });
    // The person working now renames themselves without a PIN, but changes it only with the old one.
    await ok(laptop.core, 'profiles.save', { id: laptop.linh, name: 'H’Linh Niê' });
    const repinned = await refusal(laptop.core, 'profiles.save', { id: laptop.linh, name: 'H’Linh Niê', pin: '8642' });
    expect(repinned).toMatchObject({ messageKey: 'profiles:wrongPin', field: 'currentPin' });
  });

  it('is not worked as without its PIN', async () => {
    const refused = await refusal(laptop.core, 'profiles.activate', { id: laptop.phon, pin: linhPin });
    expect(refused).toMatchObject({ code: 'refused', messageKey: 'profiles:wrongPin', field: 'pin' });
    await expect(ok(laptop.core, 'profiles.session', {})).resolves.toMatchObject({ activeId: laptop.linh, locked: false });
  });
});
