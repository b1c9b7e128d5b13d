// Files kept once by SHA-256, shared by every pack and version that names them. New files
// arrive through a staging folder and are renamed in only after their hash checked out.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { flushFileSystem } from '../../storage/flush-file-system';

export interface ObjectStore {
  readonly root: string;
  has(sha256: string): Promise<boolean>;
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
  /**
   * Takes a file the caller has already checked (a finished download) into the staging
   * area by renaming it; it must be on the store's file system.
   */
  adopt(file: string, sha256: string): Promise<void>;
  /** Moves every received object into the store (durably), then removes the staging area. */
  commit(): Promise<void>;
  /**
   * Removes the staging area. Adopted files go back where they came from first: a download
   * that finished before a sync was stopped or cut is not fetched again over mobile data.
   */
  discard(): Promise<void>;
}

/** How the store writes; tests swap it to simulate a full disk. */
export interface StoreWriter {
  createWriteStream: typeof createWriteStream;
  /** Flushes the whole file system at once, or says it cannot (see flushFileSystem). */
  flush?: (dir: string) => Promise<boolean>;
}

const defaultWriter: StoreWriter = { createWriteStream, flush: flushFileSystem };

export function openObjectStore(root: string, writer: StoreWriter = defaultWriter): ObjectStore {
  const objectsDir = path.join(root, 'objects');
  const stagingDir = path.join(root, 'staging');
  const pathOf = (sha256: string) => path.join(objectsDir, sha256.slice(0, 2), sha256);
  const flush = (dir: string) => (writer.flush ?? flushFileSystem)(dir);

  return {
    root,
    pathOf,
    has: async (sha256) => (await stat(pathOf(sha256)).catch(() => undefined))?.isFile() ?? false,
    sizeOf: async (sha256) => (await stat(pathOf(sha256)).catch(() => undefined))?.size,
    open: (sha256, range) => createReadStream(pathOf(sha256), range),

    async beginStaging() {
      const dir = path.join(stagingDir, `${Date.now()}-${randomBytes(6).toString('hex')}`);
      await mkdir(dir, { recursive: true });
      const received: string[] = [];
      const adopted = new Map<string, string>();
      return {
        async receive(source, sha256) {
          const file = path.join(dir, sha256);
          const hash = createHash('sha256');
          const hashing = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              hash.update(chunk);
              callback(null, chunk);
            },
          });
          await pipeline(source, hashing, writer.createWriteStream(file, { flags: 'wx' }));
          received.push(sha256);
          return hash.digest('hex');
        },
        async adopt(file, sha256) {
          await rename(file, path.join(dir, sha256));
          received.push(sha256);
          adopted.set(sha256, file);
        },
        async commit() {
          // Data first, then names: every file durable, renamed in, the renames durable. A
          // durable name must never point at data that a crash could still take away.
          const folders = [...new Set(received.map((sha256) => path.dirname(pathOf(sha256))))];
          const flushed = await flush(dir);
          if (!flushed) await forEachLimited(received, 4, (sha256) => syncFile(path.join(dir, sha256)));
          await forEachLimited(folders, 4, async (folder) => {
            await mkdir(folder, { recursive: true });
          });
          // No pack names these objects until its pointer switches, so their order does not matter.
          await forEachLimited(received, 4, (sha256) => rename(path.join(dir, sha256), pathOf(sha256)));
          if (!flushed || !(await flush(objectsDir))) await forEachLimited([...folders, objectsDir], 4, syncFolder);
          await rm(dir, { recursive: true, force: true });
        },
        async discard() {
          await forEachLimited([...adopted], 4, ([sha256, origin]) => rename(path.join(dir, sha256), origin).catch(() => undefined));
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
