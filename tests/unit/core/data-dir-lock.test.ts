import { execFileSync, spawn } from 'node:child_process';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { acquireDataDirLock, lockFileName } from '../../../electron/core/data-dir/data-dir-lock';
import { DataDirError } from '../../../electron/core/data-dir/data-dir-error';
import { describeDataDirError } from '../../../electron/core/data-dir/describe-data-dir-error';
import { createTranslator } from '../../../electron/core/i18n/translator';
import { coreTest as test } from '../../support/core-fixture';

const deadPid = (): number => {
  // A child that has exited: its pid is free (for the moment of this test).
  const child = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.toString());
};

describe('the data folder lock', () => {
  test('creates the folder and records who holds it', async ({ temp }) => {
    const dataDir = path.join(temp.dir, 'new', 'data');
    const lock = await acquireDataDirLock(dataDir, 'serve');
    const recorded = JSON.parse(await readFile(path.join(dataDir, lockFileName), 'utf8')) as Record<string, unknown>;
    expect(recorded).toMatchObject({ pid: process.pid, hostname: os.hostname(), kind: 'serve' });
    lock.releaseSync();
    await expect(readdir(dataDir)).resolves.toEqual([]);
  });

  test('refuses a second holder, naming the first', async ({ temp }) => {
    const first = await acquireDataDirLock(temp.dir, 'desktop');
    const refusal = await acquireDataDirLock(temp.dir, 'cli').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirError);
    const error = refusal as DataDirError;
    expect(error.reason).toBe('locked');
    expect(error.params).toMatchObject({ pid: process.pid, kind: 'desktop', path: temp.dir });
    const { t } = createTranslator('vi');
    const sentence = describeDataDirError(error, t);
    expect(sentence).toContain('ứng dụng Chiêng');
    expect(sentence).toContain(String(process.pid));
    expect(sentence).not.toMatch(/\{\{|errors:/);
    first.releaseSync();
  });

  test('refuses a holder in another live process', async ({ temp }) => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await writeFile(
        path.join(temp.dir, lockFileName),
        JSON.stringify({ pid: child.pid, hostname: os.hostname(), kind: 'serve', startedAt: new Date().toISOString() }),
      );
      await expect(acquireDataDirLock(temp.dir, 'cli')).rejects.toMatchObject({ reason: 'locked', params: { pid: child.pid } });
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('takes over a lock left by a process that died (kill -9, power loss)', async ({ temp }) => {
    const lockFile = path.join(temp.dir, lockFileName);
    await writeFile(
      lockFile,
      JSON.stringify({ pid: deadPid(), hostname: os.hostname(), kind: 'serve', startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const lock = await acquireDataDirLock(temp.dir, 'cli');
    expect(JSON.parse(await readFile(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, kind: 'cli' });
    lock.releaseSync();
  });

  test('takes over an old lock file that a crash left empty, but not a fresh one', async ({ temp }) => {
    const lockFile = path.join(temp.dir, lockFileName);
    await writeFile(lockFile, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(lockFile, old, old);
    const lock = await acquireDataDirLock(temp.dir, 'cli');
    lock.releaseSync();

    // A fresh empty lock is one being written by a process starting right now.
    await writeFile(lockFile, '');
    await expect(acquireDataDirLock(temp.dir, 'cli')).rejects.toBeInstanceOf(DataDirError);
    await expect(readFile(lockFile, 'utf8')).resolves.toBe('');
  });

  test('assumes a holder on another machine is alive', async ({ temp }) => {
    await writeFile(
      path.join(temp.dir, lockFileName),
      JSON.stringify({ pid: deadPid(), hostname: 'other-laptop', kind: 'desktop', startedAt: new Date().toISOString() }),
    );
    await expect(acquireDataDirLock(temp.dir, 'cli')).rejects.toMatchObject({
      reason: 'locked',
      params: { hostname: 'other-laptop' },
    });
  });

  test('does not release a lock another process has since taken', async ({ temp }) => {
    const lock = await acquireDataDirLock(temp.dir, 'serve');
    const lockFile = path.join(temp.dir, lockFileName);
    const other = JSON.stringify({ pid: 1, hostname: os.hostname(), kind: 'desktop', startedAt: 'later' });
    await writeFile(lockFile, other);
    lock.releaseSync();
    await expect(readFile(lockFile, 'utf8')).resolves.toBe(other);
  });

  test('says a path that is a file cannot be used', async ({ temp }) => {
    const file = path.join(temp.dir, 'a-file');
    await writeFile(file, 'x');
    await expect(acquireDataDirLock(file, 'cli')).rejects.toMatchObject({ reason: 'unusable' });
  });
});
