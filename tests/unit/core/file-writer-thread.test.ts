// The store's writer thread: the bytes land whole, from shared memory or not, and a file
// system refusal comes back with its code, as the install's error messages need it.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeNewFileOnThread, writeOnThread } from '../../../electron/core/storage/file-writer-thread';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chieng-writer-thread-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writing new files on the writer thread', () => {
  it('writes a slice of shared memory exactly, and leaves the memory as it was', async () => {
    const shared = Buffer.from(new SharedArrayBuffer(300_000));
    randomBytes(300_000).copy(shared);
    const before = Buffer.from(shared);
    const slice = shared.subarray(100_000, 250_000);
    await writeNewFileOnThread(path.join(dir, 'shared'), slice);
    expect((await readFile(path.join(dir, 'shared'))).equals(before.subarray(100_000, 250_000))).toBe(true);
    expect(shared.equals(before)).toBe(true);
  });

  it('writes ordinary bytes (a slice of a larger buffer) and leaves the caller’s buffer usable', async () => {
    const whole = randomBytes(50_000);
    const slice = whole.subarray(10, 40_010);
    await writeNewFileOnThread(path.join(dir, 'plain'), slice);
    expect((await readFile(path.join(dir, 'plain'))).equals(whole.subarray(10, 40_010))).toBe(true);
    expect(slice.length).toBe(40_000);
  });

  it('writes many files side by side, each with its own bytes', async () => {
    const contents = Array.from({ length: 50 }, (_, index) => randomBytes(1_000 + index * 97));
    await Promise.all(contents.map((bytes, index) => writeNewFileOnThread(path.join(dir, `f${index}`), bytes)));
    for (const [index, bytes] of contents.entries()) expect((await readFile(path.join(dir, `f${index}`))).equals(bytes)).toBe(true);
  });

  it('writes an empty file', async () => {
    await writeNewFileOnThread(path.join(dir, 'empty'), new Uint8Array(0));
    expect((await readFile(path.join(dir, 'empty'))).length).toBe(0);
  });

  it('refuses to overwrite a file that exists, keeping it, and reports a missing path by its code', async () => {
    await writeFile(path.join(dir, 'kept'), 'old');
    await expect(writeNewFileOnThread(path.join(dir, 'kept'), Buffer.from('new'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(path.join(dir, 'kept'), 'utf8')).toBe('old');
    // One missing folder is made; a deeper gap is not (the data folder itself gone, say).
    await expect(writeNewFileOnThread(path.join(dir, 'gone', 'missing', 'file'), Buffer.from('x'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(existsSync(path.join(dir, 'gone'))).toBe(false);
  });

  it("makes a file's folder when only that is missing, for many files at once", async () => {
    const files = Array.from({ length: 40 }, (_, index) => path.join(dir, `f${index % 4}`, `file-${index}`));
    await Promise.all(files.map((file, index) => writeOnThread(file, 'w', [Buffer.from(`file ${index}`)])));
    for (const [index, file] of files.entries()) expect(await readFile(file, 'utf8')).toBe(`file ${index}`);
  });

  it('appends to a partial download, or starts it over, from pieces of any size', async () => {
    const part = path.join(dir, 'object.part');
    const first = randomBytes(70_000);
    // More than one reusable slab at once, in pieces the way a socket delivers them.
    const rest = randomBytes(600_000);
    await writeOnThread(part, 'w', [first]);
    await writeOnThread(part, 'a', [rest.subarray(0, 65_536), rest.subarray(65_536)]);
    expect((await readFile(part)).equals(Buffer.concat([first, rest]))).toBe(true);
    const again = randomBytes(1_000);
    await writeOnThread(part, 'w', [again]);
    expect((await readFile(part)).equals(again)).toBe(true);
    await writeOnThread(part, 'w', []);
    expect((await readFile(part)).length).toBe(0);
  });
});
