import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { DurableJsonFile } from '../../../electron/core/storage/durable-json-file';
import { writeFileDurably } from '../../../electron/core/storage/write-file-durably';
import { coreTest as test } from '../../support/core-fixture';

const busy = (code: string) => Object.assign(new Error(code), { code });

describe('writing a file durably', () => {
  test('replaces the contents and leaves no temp file behind', async ({ temp }) => {
    const file = path.join(temp.dir, 'data.json');
    await writeFile(file, 'old');
    await writeFileDurably(file, 'new');
    await expect(readFile(file, 'utf8')).resolves.toBe('new');
    await expect(readdir(temp.dir)).resolves.toEqual(['data.json']);
  });

  test('on Windows, retries a rename that antivirus blocks, then succeeds', async ({ temp }) => {
    const file = path.join(temp.dir, 'data.json');
    let refusals = 2;
    const { rename } = await import('node:fs/promises');
    await writeFileDurably(file, 'saved', {
      platform: 'win32',
      rename: async (from, to) => {
        if (refusals-- > 0) throw busy('EPERM');
        await rename(from, to);
      },
    });
    await expect(readFile(file, 'utf8')).resolves.toBe('saved');
    expect(refusals).toBe(-1);
  });

  test('gives up after the retry window, keeps the old contents and cleans up', async ({ temp }) => {
    const file = path.join(temp.dir, 'data.json');
    await writeFile(file, 'old');
    const write = writeFileDurably(file, 'new', { platform: 'win32', renameRetryMs: 50, rename: () => Promise.reject(busy('EBUSY')) });
    await expect(write).rejects.toMatchObject({ code: 'EBUSY' });
    await expect(readFile(file, 'utf8')).resolves.toBe('old');
    await expect(readdir(temp.dir)).resolves.toEqual(['data.json']);
  });

  test('does not retry elsewhere, where a refused rename is not transient', async ({ temp }) => {
    let attempts = 0;
    const write = writeFileDurably(path.join(temp.dir, 'data.json'), 'x', {
      platform: 'linux',
      rename: () => {
        attempts += 1;
        return Promise.reject(busy('EACCES'));
      },
    });
    await expect(write).rejects.toMatchObject({ code: 'EACCES' });
    expect(attempts).toBe(1);
  });
});

describe('a durable JSON file for lowdb', () => {
  const parseCount = (data: unknown) => {
    if (typeof (data as { count?: unknown }).count !== 'number') throw new Error('not a counter');
    return data as { count: number };
  };

  test('reads what it wrote, and null when there is nothing yet', async ({ temp }) => {
    const file = path.join(temp.dir, 'counter.json');
    const adapter = new DurableJsonFile(file, { parse: parseCount, onDamaged: () => undefined });
    await expect(adapter.read()).resolves.toBeNull();
    await adapter.write({ count: 3 });
    await expect(adapter.read()).resolves.toEqual({ count: 3 });
  });

  test('moves a damaged file aside, keeps it, and says so', async ({ temp }) => {
    const file = path.join(temp.dir, 'counter.json');
    await writeFile(file, '{"count": 3,,, truncated');
    const damaged: string[] = [];
    const adapter = new DurableJsonFile(file, { parse: parseCount, onDamaged: (_file, movedTo) => damaged.push(movedTo) });
    await expect(adapter.read()).resolves.toBeNull();
    expect(damaged).toHaveLength(1);
    await expect(readFile(damaged[0] ?? '', 'utf8')).resolves.toBe('{"count": 3,,, truncated');
    await expect(readdir(temp.dir)).resolves.toEqual([path.basename(damaged[0] ?? '')]);
  });

  test('treats well-formed JSON of the wrong shape as damaged too', async ({ temp }) => {
    const file = path.join(temp.dir, 'counter.json');
    await writeFile(file, '{"count":"three"}');
    let told = 0;
    const adapter = new DurableJsonFile(file, { parse: parseCount, onDamaged: () => (told += 1) });
    await expect(adapter.read()).resolves.toBeNull();
    expect(told).toBe(1);
  });

  test('lands writes in the order they were made', async ({ temp }) => {
    const file = path.join(temp.dir, 'counter.json');
    const adapter = new DurableJsonFile(file, { parse: parseCount, onDamaged: () => undefined });
    await Promise.all(Array.from({ length: 20 }, (_, count) => adapter.write({ count })));
    await expect(adapter.read()).resolves.toEqual({ count: 19 });
  });
});
