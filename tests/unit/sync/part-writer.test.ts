// A download's bytes on their way to disk: in batches to the part file, and to their place
// once whole, whether they came in one piece or many.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PartWriter } from '../../../electron/core/sync/part-writer';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chieng-part-writer-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writing a download', () => {
  it('puts a small file straight in its place, with no part left', async () => {
    const bytes = randomBytes(40_000);
    const writer = new PartWriter(path.join(dir, 'x.part'), true);
    expect(writer.add(bytes.subarray(0, 10_000))).toBeUndefined();
    expect(writer.add(bytes.subarray(10_000))).toBeUndefined();
    await writer.finish(path.join(dir, 'x'));
    expect((await readFile(path.join(dir, 'x'))).equals(bytes)).toBe(true);
    expect(await readdir(dir)).toEqual(['x']);
  });

  it('writes a large file to its part in batches as it comes, then moves the part to its place', async () => {
    const bytes = randomBytes(700_000);
    const part = path.join(dir, 'y.part');
    const writer = new PartWriter(part, true);
    const writes = [];
    for (let at = 0; at < bytes.length; at += 65_536) {
      const write = writer.add(bytes.subarray(at, at + 65_536));
      if (write) writes.push(write);
    }
    expect(writes.length).toBe(2);
    await Promise.all(writes);
    // Two full batches of 256 KiB are on disk; the rest waits for the end.
    expect((await readFile(part)).length).toBe(8 * 65_536);
    await writer.finish(path.join(dir, 'y'));
    expect((await readFile(path.join(dir, 'y'))).equals(bytes)).toBe(true);
    expect(await readdir(dir)).toEqual(['y']);
  });

  it('appends to what an earlier connection brought, or starts over (even with nothing new)', async () => {
    const part = path.join(dir, 'z.part');
    await writeFile(part, 'abc');
    const appending = new PartWriter(part, false);
    expect(appending.flush()).toBeUndefined();
    expect(appending.add(Buffer.from('def'))).toBeUndefined();
    await appending.flush();
    expect(await readFile(part, 'utf8')).toBe('abcdef');
    await new PartWriter(part, true).flush();
    expect(await readFile(part, 'utf8')).toBe('');
  });

  it("keeps what it was given even when the caller's buffer is reused at once, as a socket's is", async () => {
    const bytes = randomBytes(600_000);
    const reused = Buffer.alloc(50_000);
    const writer = new PartWriter(path.join(dir, 'r.part'), true);
    for (let at = 0; at < bytes.length; at += reused.length) {
      bytes.copy(reused, 0, at, at + reused.length);
      void writer.add(reused);
      reused.fill(0xee);
    }
    await writer.finish(path.join(dir, 'r'));
    expect((await readFile(path.join(dir, 'r'))).equals(bytes)).toBe(true);
  });

  it('makes the folder of its place when that is missing, for a small file and for a large one', async () => {
    const small = randomBytes(1_000);
    const large = randomBytes(300_000);
    const one = new PartWriter(path.join(dir, 's.part'), true);
    expect(one.add(small)).toBeUndefined();
    await one.finish(path.join(dir, 'ab', 's'));
    const other = new PartWriter(path.join(dir, 'l.part'), true);
    await other.add(large);
    await other.finish(path.join(dir, 'cd', 'l'));
    expect((await readFile(path.join(dir, 'ab', 's'))).equals(small)).toBe(true);
    expect((await readFile(path.join(dir, 'cd', 'l'))).equals(large)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['ab', 'cd']);
  });

  it('fails a later batch of a file whose earlier batch failed, leaving no rejection unheard', async () => {
    const writer = new PartWriter(path.join(dir, 'gone', 'deeper', 'p.part'), true);
    const first = writer.add(randomBytes(300_000));
    await expect(first).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(writer.finish(path.join(dir, 'p'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
