// The core a unit test works with, as vitest fixtures: each test that asks for one gets its
// own data folder, clock and core, and each is put away after the test, whatever happened.
// A file picks the fixture that says what it needs (`coreTest`, `officerTest`, `recordsTest`)
// and names, in each test's first argument, the parts it uses.
import { test } from 'vitest';
import type { Core } from '../../electron/core/core';
import { ok, openTestCore, TestClock } from './core-harness';
import { addRefs, type Refs } from './logbook-records';
import { makeTempDir } from './temp-dir';

export interface CoreFixtures {
  /** A folder of the test's own, removed after it. */
  readonly temp: Awaited<ReturnType<typeof makeTempDir>>;
  /** 2026-11-24 10:00 in Vietnam, until the test moves it. */
  readonly clock: TestClock;
  /** A core on `temp` with `clock`, closed after the test. */
  readonly core: Core;
  /** Closes the core open now and opens another on the same folder and clock, as a restart would. */
  readonly reopen: () => Promise<Core>;
  /** Every core the test opened, closed after it (a closed one closes again harmlessly). */
  readonly cores: Core[];
}

export interface Officer {
  readonly id: string;
  readonly deviceId: string;
  readonly name: string;
}

/** A fresh core, nobody on it yet. */
export const coreTest = test.extend<CoreFixtures>({
  temp: async ({}, use) => {
    const temp = await makeTempDir('chieng-test');
    await use(temp);
    await temp.remove();
  },
  clock: async ({}, use) => {
    await use(new TestClock());
  },
  cores: async ({}, use) => {
    const cores: Core[] = [];
    await use(cores);
    for (const core of cores.reverse()) await core.close();
  },
  core: async ({ temp, clock, cores }, use) => {
    const core = await openTestCore(temp.dir, clock);
    cores.push(core);
    await use(core);
  },
  reopen: async ({ temp, clock, cores }, use) => {
    await use(async () => {
      await cores.at(-1)?.close();
      const again = await openTestCore(temp.dir, clock);
      cores.push(again);
      return again;
    });
  },
});

/** A core with someone chosen to write, before the test starts: Y Bhim Niê, no PIN. */
export const officerTest = coreTest.extend<{ officer: Officer }>({
  officer: [
    async ({ core }, use) => {
      const name = 'Y Bhim Niê';
      const session = await ok(core, 'profiles.save', { name });
      await use({ id: session.activeId ?? '', deviceId: session.deviceId, name });
    },
    { auto: true },
  ],
});

/** As `officerTest`, with a village, a figure and a place of worship for records to point at. */
export const recordsTest = officerTest.extend<{ refs: Refs }>({
  refs: async ({ core }, use) => {
    await use(await addRefs(core));
  },
});
