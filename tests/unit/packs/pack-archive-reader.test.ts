// The archive reader lends stored entries straight out of reused read-ahead buffers; these
// tests make sure a borrower always sees its own entry's bytes, however reads interleave.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPackArchive, type PackArchive } from '../../../electron/core/packs/archive/pack-archive-reader';
import { writePackArchive } from '../../../electron/core/packs/archive/pack-archive-writer';
import { PackRefusal } from '../../../electron/core/packs/pack-refusal';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const tooLarge = () => new PackRefusal('fileTooLarge', { pack: 'test', path: 'x' });

let dir: string;
let archive: PackArchive | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chieng-archive-reader-'));
});

afterEach(async () => {
  archive?.close();
  archive = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** An archive of `sizes.length` stored image entries of random bytes; returns them by name. */
async function archiveOf(sizes: number[]): Promise<{ file: string; contents: Map<string, Buffer> }> {
  const contents = new Map<string, Buffer>();
  const objects = sizes.map((size) => {
    const bytes = randomBytes(size);
    const hash = sha256(bytes);
    contents.set(`objects/${hash}`, bytes);
    return { sha256: hash, size, mediaType: 'image/png', open: () => Readable.from([bytes]) };
  });
  const file = path.join(dir, 'pack.chieng');
  await writePackArchive(file, new Map([['manifest.json', Buffer.from('{}')]]), objects);
  return { file, contents };
}

describe('lending stored entries', () => {
  it('gives every borrower its own bytes while many read side by side and the buffers are reused', async () => {
    // 60 entries of 70–130 kB: about 6 MB, so read-ahead chunks are replaced and reused many times.
    const { file, contents } = await archiveOf(Array.from({ length: 60 }, (_, index) => 70_000 + ((index * 7_919) % 60_000)));
    archive = await openPackArchive(file, 'pack.chieng');
    const opened = archive;
    const names = [...contents.keys()];
    let next = 0;
    const seen = new Map<string, string>();
    // Four borrowers at a time, each holding its bytes across other reads before checking them.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < names.length) {
          const name = names[next++] as string;
          const expected = contents.get(name) as Buffer;
          const digest = await opened.withExact(name, expected.length, tooLarge, async (bytes) => {
            const before = sha256(bytes);
            await new Promise((resolve) => setTimeout(resolve, 1));
            expect(sha256(bytes)).toBe(before);
            return before;
          });
          seen.set(name, digest);
        }
      }),
    );
    expect(seen.size).toBe(names.length);
    for (const [name, digest] of seen) expect(digest).toBe(name.slice('objects/'.length));
  });

  it('keeps a borrower’s bytes intact while every later entry is read', async () => {
    const { file, contents } = await archiveOf(Array.from({ length: 40 }, () => 150_000));
    archive = await openPackArchive(file, 'pack.chieng');
    const opened = archive;
    const [first, ...rest] = [...contents.keys()] as string[];
    let othersRead!: () => void;
    const allOthersRead = new Promise<void>((resolve) => (othersRead = resolve));
    const held = opened.withExact(first as string, 150_000, tooLarge, async (bytes) => {
      await allOthersRead;
      return sha256(bytes);
    });
    for (const name of rest)
      await opened.withExact(name, 150_000, tooLarge, (bytes) =>
        Promise.resolve(expect(sha256(bytes)).toBe(name.slice('objects/'.length))),
      );
    othersRead();
    expect(await held).toBe((first as string).slice('objects/'.length));
  });

  it('reads an entry larger than one read-ahead in full', async () => {
    const { file, contents } = await archiveOf([3 * 1024 * 1024 + 17, 50_000]);
    archive = await openPackArchive(file, 'pack.chieng');
    for (const [name, expected] of contents) {
      const digest = await archive.withExact(name, expected.length, tooLarge, (bytes) => Promise.resolve(sha256(bytes)));
      expect(digest).toBe(sha256(expected));
    }
  });

  it('refuses an entry whose signed size differs from its size in the archive, without lending anything', async () => {
    const { file, contents } = await archiveOf([10_000]);
    archive = await openPackArchive(file, 'pack.chieng');
    const [name] = [...contents.keys()];
    let lent = false;
    const attempt = archive.withExact(name as string, 9_999, tooLarge, () => {
      lent = true;
      return Promise.resolve();
    });
    await expect(attempt).rejects.toMatchObject({ reason: 'fileTooLarge' });
    expect(lent).toBe(false);
  });

  it('passes the borrower’s own failure through unchanged', async () => {
    const { file, contents } = await archiveOf([10_000]);
    archive = await openPackArchive(file, 'pack.chieng');
    const [name] = [...contents.keys()];
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    await expect(archive.withExact(name as string, 10_000, tooLarge, () => Promise.reject(full))).rejects.toBe(full);
  });
});
