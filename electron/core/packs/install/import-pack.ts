// Installing a pack from a `.chieng` file: verify the chain, then every file's size and hash
// into a staging area, then commit and switch one pointer. Until the switch nothing is
// visible; any failure before it leaves the previous version exactly as it was.
import { mkdir, statfs } from 'node:fs/promises';
import { openPackArchive } from '../archive/pack-archive-reader';
import { archiveNames } from '../archive/pack-archive-writer';
import { PackRefusal } from '../pack-refusal';
import type { ObjectStore } from '../store/object-store';
import { noteSignedTime, type TrustService } from '../trust/trust-service';
import type { InstalledPacks } from './installed-packs';
import { checkEntryNames, expectedObjects, readSignedPack } from './read-signed-pack';

export interface ImportServices {
  readonly store: ObjectStore;
  readonly installed: InstalledPacks;
  readonly trust: TrustService;
  readonly clock: () => Date;
  /** Free bytes where the store lives; swappable so tests can fill the disk. */
  readonly freeBytes?: (dir: string) => Promise<number>;
}

export interface ImportProgress {
  readonly doneBytes: number;
  readonly totalBytes: number;
  readonly doneFiles: number;
  readonly totalFiles: number;
}

export interface ImportOutcome {
  readonly status: 'installed' | 'updated' | 'unchanged';
  readonly id: string;
  readonly version: number;
  readonly previousVersion?: number;
  readonly title: string;
  readonly bytesAdded: number;
}

export async function importPackFile(services: ImportServices, file: string, label: string, onProgress: (progress: ImportProgress) => void = () => undefined): Promise<ImportOutcome> {
  const { store, installed, trust } = services;
  const archive = await openPackArchive(file, label);
  try {
    const pack = await readSignedPack(archive, trust, label);
    const { manifest } = pack;
    const name = manifest.title.vi ?? manifest.id;
    const objects = expectedObjects(pack);
    try {
      checkEntryNames(archive, objects, name);
    } catch (error) {
      throw error instanceof PackRefusal ? error.renamed(name) : error;
    }

    const history = trust.state().packVersions[manifest.id];
    const current = await installed.pointer(manifest.id);
    if (history && manifest.version < history.version) {
      throw new PackRefusal('rollback', { pack: name, version: manifest.version, installed: history.version });
    }
    if (history && manifest.version === history.version && history.manifestSha256 !== pack.manifestSha256) {
      throw new PackRefusal('sameVersionOtherContent', { pack: name, version: manifest.version });
    }
    if (current && current.version === manifest.version && current.manifestSha256 === pack.manifestSha256) {
      return { status: 'unchanged', id: manifest.id, version: manifest.version, title: name, bytesAdded: 0 };
    }

    // Only what the store lacks is copied; files shared with other packs are kept once.
    const needed = [];
    for (const [sha256, info] of objects) if (!(await store.has(sha256))) needed.push({ sha256, ...info });
    for (const object of needed) {
      if (!archive.names.has(`${archiveNames.objectPrefix}${object.sha256}`)) throw new PackRefusal('missingFile', { pack: name, path: object.path });
    }
    const totalBytes = needed.reduce((sum, object) => sum + object.size, 0);
    const free = await (services.freeBytes ?? freeBytesAt)(store.root);
    if (totalBytes > free) throw new PackRefusal('diskFull', { pack: name, needed: totalBytes, free });

    const staging = await store.beginStaging();
    try {
      let doneBytes = 0;
      let doneFiles = 0;
      // A few files at a time: most of each one's time is the file system creating and
      // writing it, which another file's reading and hashing can overlap.
      await eachLimited(needed, receiveConcurrency, async (object) => {
        const tooLarge = () => new PackRefusal('fileTooLarge', { pack: name, path: object.path });
        const stream = await archive.openExact(`${archiveNames.objectPrefix}${object.sha256}`, object.size, tooLarge);
        const digest = await staging.receive(stream, object.sha256).catch((error: unknown) => {
          throw asStorageRefusal(error, name);
        });
        if (digest !== object.sha256) throw new PackRefusal('fileTampered', { pack: name, path: object.path });
        doneBytes += object.size;
        doneFiles += 1;
        onProgress({ doneBytes, totalBytes, doneFiles, totalFiles: needed.length });
      });
      await staging.commit().catch((error: unknown) => {
        throw asStorageRefusal(error, name);
      });
    } catch (error) {
      await staging.discard();
      throw error;
    }

    await installed.writeVersion(manifest.id, manifest.version, pack.documents).catch((error: unknown) => {
      throw asStorageRefusal(error, name);
    });
    await trust.update((data) => {
      data.packVersions[manifest.id] = { version: manifest.version, manifestSha256: pack.manifestSha256 };
      noteSignedTime(data, manifest.publishedAt);
      noteSignedTime(data, pack.publisher.certificate.issuedAt);
    });
    await installed.activate(manifest.id, { version: manifest.version, manifestSha256: pack.manifestSha256, installedAt: services.clock().toISOString() });
    await installed.pruneVersions();
    return {
      status: current ? 'updated' : 'installed',
      id: manifest.id,
      version: manifest.version,
      ...(current ? { previousVersion: current.version } : {}),
      title: name,
      bytesAdded: totalBytes,
    };
  } finally {
    archive.close();
  }
}

const receiveConcurrency = 3;

/**
 * Runs `work` on `items`, at most `limit` at a time. After a failure it starts nothing new,
 * waits for what is running (so nothing still writes into a staging area being discarded),
 * then throws the first failure.
 */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const item = items[next] as T;
      next += 1;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

async function freeBytesAt(dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const info = await statfs(dir);
  return info.bavail * info.bsize;
}

function asStorageRefusal(error: unknown, pack: string): unknown {
  if (error instanceof PackRefusal) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new PackRefusal('diskFull', { pack, needed: 0, free: 0 });
  if (code) return new PackRefusal('storageFailed', { pack, detail: code });
  return error;
}
