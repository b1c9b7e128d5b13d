// Files kept once by SHA-256, shared by every pack and version that names them. New files
// arrive through a staging folder and are renamed in only after their hash checked out.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { flushFileSystem } from '../../storage/flush-file-system';
import { writeNewFileOnThread } from '../../storage/file-writer-thread';

export interface ObjectStore {
  readonly root: string;
  has(sha256: string): Promise<boolean>;
  /** Which of `sha256s` the store holds, in one look per folder rather than one per file. */
  holding(sha256s: Iterable<string>): Promise<Set<string>>;
  pathOf(sha256: string): string;
  open(sha256: string, range?: { start: number; end: number }): Readable;
  sizeOf(sha256: string): Promise<number | undefined>;
  /** A fresh staging area for one import; nothing in it is visible until `commit`. */
  beginStaging(): Promise<Staging>;
  /** Deletes every object not in `keep`; returns how many bytes it freed. */
  collectGarbage(keep: ReadonlySet<string>): Promise<number>;
  /** Removes staging areas a crash left behind. */
  clearStaging(): Promise<void>;
  /** Where partial downloads wait, so a broken connection resumes instead of starting over. */
  readonly downloadsDir: string;
}

export interface Staging {
  /**
   * Streams `source` into the staging area, hashing as it goes; resolves with the digest.
   * The caller compares it with the signed one before committing.
   */
  receive(source: Readable, sha256: string): Promise<string>;
  /** The same for a file already read in whole: one write instead of a stream. */
  receiveBytes(bytes: Uint8Array, sha256: string): Promise<string>;
  /**
   * Takes a file the caller has already checked (a finished download) into the import; the
   * commit renames it into the store, so it must be on the store's file system.
   */
  adopt(file: string, sha256: string): Promise<void>;
  /** Moves every received object into the store (durably), then removes the staging area. */
  commit(): Promise<void>;
  /** Removes the staging area; adopted files stay where they were. */
  discard(): Promise<void>;
}

/** How the store writes; tests swap parts of it to simulate a full disk. */
export interface StoreWriter {
  createWriteStream: typeof createWriteStream;
  /** Writes a new file in one go; fails if it exists. */
  writeNewFile: (file: string, bytes: Uint8Array) => Promise<void>;
  /** Flushes the whole file system at once, or says it cannot (see flushFileSystem). */
  flush: (dir: string) => Promise<boolean>;
}

const defaultWriter: StoreWriter = {
  createWriteStream,
  writeNewFile: writeNewFileOnThread,
  flush: flushFileSystem,
};

/** From this many files a commit flushes the whole file system at once, rather than each file. */
const flushWholeFromFiles = 64;

export function openObjectStore(root: string, writerParts: Partial<StoreWriter> = {}): ObjectStore {
  const writer: StoreWriter = { ...defaultWriter, ...writerParts };
  const objectsDir = path.join(root, 'objects');
  const stagingDir = path.join(root, 'staging');
  const pathOf = (sha256: string) => path.join(objectsDir, sha256.slice(0, 2), sha256);
  const { flush } = writer;

  return {
    root,
    pathOf,
    has: async (sha256) => (await stat(pathOf(sha256)).catch(() => undefined))?.isFile() ?? false,
    async holding(sha256s) {
      const wanted = new Set(sha256s);
      // Only the fan-out folders the store has: a first install looks once, not 256 times.
      const existing = new Set(await readdir(objectsDir).catch(() => [] as string[]));
      const prefixes = new Set([...wanted].map((sha256) => sha256.slice(0, 2)).filter((prefix) => existing.has(prefix)));
      const held = new Set<string>();
      await forEachLimited([...prefixes], 8, async (prefix) => {
        for (const entry of await readdir(path.join(objectsDir, prefix), { withFileTypes: true }).catch(() => [])) {
          if (entry.isFile() && wanted.has(entry.name)) held.add(entry.name);
        }
      });
      return held;
    },
    sizeOf: async (sha256) => (await stat(pathOf(sha256)).catch(() => undefined))?.size,
    open: (sha256, range) => createReadStream(pathOf(sha256), range),

    async beginStaging() {
      const dir = path.join(stagingDir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
      await mkdir(dir, { recursive: true });
      // Where each staged object waits: in the staging area, or where an adopted download left it.
      const staged = new Map<string, string>();
      // Staged files sit in the same fan-out folders as the store's, made once each.
      const fanouts = new Map<string, Promise<unknown>>();
      const stagingPath = async (sha256: string): Promise<string> => {
        const folder = path.join(dir, sha256.slice(0, 2));
        if (!fanouts.has(folder)) fanouts.set(folder, mkdir(folder));
        await fanouts.get(folder);
        return path.join(folder, sha256);
      };
      return {
        async receive(source, sha256) {
          const hash = createHash('sha256');
          const hashing = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              hash.update(chunk);
              callback(null, chunk);
            },
          });
          const file = await stagingPath(sha256);
          await pipeline(source, hashing, writer.createWriteStream(file, { flags: 'wx' }));
          staged.set(sha256, file);
          return hash.digest('hex');
        },
        async receiveBytes(bytes, sha256) {
          // Hashing a file this size takes far less than writing it: no need to overlap them.
          const digest = createHash('sha256').update(bytes).digest('hex');
          const file = await stagingPath(sha256);
          await writer.writeNewFile(file, bytes);
          staged.set(sha256, file);
          return digest;
        },
        adopt(file, sha256) {
          // Left where it is until the commit renames it in: a download stopped or cut before
          // then stays among the downloads, and is not fetched again over mobile data.
          staged.set(sha256, file);
          return Promise.resolve();
        },
        async commit() {
          // Data first, then names: every file durable, renamed in, the renames durable. A
          // durable name must never point at data that a crash could still take away.
          const objects = [...staged];
          const folders = [...new Set(objects.map(([sha256]) => path.dirname(pathOf(sha256))))];
          // A few files (a small update) are flushed one by one: cheaper than starting `sync -f` twice.
          const flushed = objects.length >= flushWholeFromFiles && (await flush(dir));
          if (!flushed) await forEachLimited(objects, 4, ([, file]) => syncFile(file));
          await mkdir(objectsDir, { recursive: true });
          // A fan-out folder the store does not have yet (a first install) moves in whole, in
          // one rename instead of one per file; elsewhere its files move in one by one. No
          // pack names these objects until its pointer switches, so their order does not matter.
          const movedWhole = new Set<string>();
          await forEachLimited(await wholeFolders(objects), 4, async (folder) => {
            if (
              await rename(folder, path.join(objectsDir, path.basename(folder))).then(
                () => true,
                () => false,
              )
            )
              movedWhole.add(folder);
          });
          const left = objects.filter(([, file]) => !movedWhole.has(path.dirname(file)));
          await forEachLimited([...new Set(left.map(([sha256]) => path.dirname(pathOf(sha256))))], 4, async (folder) => {
            await mkdir(folder, { recursive: true });
          });
          await forEachLimited(left, 4, ([sha256, file]) => rename(file, pathOf(sha256)));
          if (!flushed || !(await flush(objectsDir))) await forEachLimited([...folders, objectsDir], 4, syncFolder);
          await rm(dir, { recursive: true, force: true });
        },
        async discard() {
          await rm(dir, { recursive: true, force: true });
        },
      };
    },

    async collectGarbage(keep) {
      let freed = 0;
      const fanout = await readdir(objectsDir).catch(() => [] as string[]);
      for (const prefix of fanout) {
        const folder = path.join(objectsDir, prefix);
        for (const name of await readdir(folder).catch(() => [] as string[])) {
          if (keep.has(name)) continue;
          const file = path.join(folder, name);
          freed += (await stat(file).catch(() => undefined))?.size ?? 0;
          await unlink(file).catch(() => undefined);
        }
      }
      return freed;
    },

    clearStaging: () => rm(stagingDir, { recursive: true, force: true }),
    downloadsDir: path.join(root, 'downloads'),
  };
}

/**
 * The folders, named as fan-out folders, that hold nothing but files of this import named by
 * their hash (the staging area's own, a sync's whole downloads): each can move in whole.
 */
async function wholeFolders(objects: readonly [string, string][]): Promise<string[]> {
  const byFolder = new Map<string, Set<string>>();
  for (const [sha256, file] of objects) {
    const folder = path.dirname(file);
    if (path.basename(file) !== sha256 || path.basename(folder) !== sha256.slice(0, 2)) continue;
    byFolder.set(folder, (byFolder.get(folder) ?? new Set()).add(sha256));
  }
  const whole: string[] = [];
  await forEachLimited([...byFolder], 8, async ([folder, staged]) => {
    const names = await readdir(folder).catch(() => [] as string[]);
    if (names.length === staged.size && names.every((name) => staged.has(name))) whole.push(folder);
  });
  return whole;
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder to fsync it; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  await syncFile(folder);
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  });
  await Promise.all(workers);
}
