// The second half of every install, whatever carried the pack (a `.chieng` file, the hub):
// the version rules, then every needed file staged and checked, then the commit and the
// switch of one pointer. Until the switch nothing is visible; a failure before it leaves
// the previous version exactly as it was.
import { mkdir, statfs } from 'node:fs/promises';
import { PackRefusal } from '../pack-refusal';
import type { ObjectStore, Staging } from '../store/object-store';
import { noteSignedTime, type TrustService } from '../trust/trust-service';
import type { InstalledPacks, PackPointer } from './installed-packs';
import { expectedObjects, type SignedPack } from './read-signed-pack';

export interface InstallServices {
  readonly store: ObjectStore;
  readonly installed: InstalledPacks;
  readonly trust: TrustService;
  readonly clock: () => Date;
  /** Free bytes where the store lives; swappable so tests can fill the disk. */
  readonly freeBytes?: (dir: string) => Promise<number>;
}

export interface InstallProgress {
  readonly doneBytes: number;
  readonly totalBytes: number;
  readonly doneFiles: number;
  readonly totalFiles: number;
}

export interface InstallOutcome {
  readonly status: 'installed' | 'updated' | 'unchanged';
  readonly id: string;
  readonly version: number;
  readonly previousVersion?: number;
  readonly title: string;
  readonly bytesAdded: number;
}

export interface NeededObject {
  readonly sha256: string;
  readonly size: number;
  readonly path: string;
}

export type InstallPlan =
  | { readonly kind: 'unchanged'; readonly outcome: InstallOutcome }
  | {
      readonly kind: 'install';
      readonly current: PackPointer | undefined;
      readonly needed: readonly NeededObject[];
      readonly name: string;
    };

/** Applies the version rules and lists the files the store lacks; shared files are kept once. */
export async function planInstall(services: InstallServices, pack: SignedPack): Promise<InstallPlan> {
  const { manifest } = pack;
  const name = manifest.title.vi ?? manifest.id;
  const history = services.trust.state().packVersions[manifest.id];
  const current = await services.installed.pointer(manifest.id);
  if (history && manifest.version < history.version)
    throw new PackRefusal('rollback', { pack: name, version: manifest.version, installed: history.version });
  if (history && manifest.version === history.version && history.manifestSha256 !== pack.manifestSha256) {
    throw new PackRefusal('sameVersionOtherContent', { pack: name, version: manifest.version });
  }
  if (current && current.version === manifest.version && current.manifestSha256 === pack.manifestSha256) {
    return { kind: 'unchanged', outcome: { status: 'unchanged', id: manifest.id, version: manifest.version, title: name, bytesAdded: 0 } };
  }
  const objects = [...expectedObjects(pack)];
  const held = await services.store.holding(objects.map(([sha256]) => sha256));
  const needed = objects.flatMap(([sha256, info]) => (held.has(sha256) ? [] : [{ sha256, ...info }]));
  return { kind: 'install', current, needed, name };
}

/**
 * Stages every needed file with `stage` (which must leave it in `staging` only once its size
 * and hash are the signed ones), commits, and switches the pointer.
 */
export async function installSignedPack(
  services: InstallServices,
  pack: SignedPack,
  plan: Extract<InstallPlan, { kind: 'install' }>,
  stage: (object: NeededObject, staging: Staging) => Promise<void>,
  onProgress: (progress: InstallProgress) => void = () => undefined,
  concurrency = 3,
): Promise<InstallOutcome> {
  const { store, installed, trust } = services;
  const { manifest } = pack;
  const { needed, name, current } = plan;
  const totalBytes = needed.reduce((sum, object) => sum + object.size, 0);
  const free = await (services.freeBytes ?? freeBytesAt)(store.root);
  if (totalBytes > free) throw new PackRefusal('diskFull', { pack: name, needed: totalBytes, free });

  const staging = await store.beginStaging();
  try {
    let doneBytes = 0;
    let doneFiles = 0;
    // A few files at a time: most of each one's time is the file system creating and
    // writing it, which another file's reading and hashing can overlap.
    await eachLimited(needed, concurrency, async (object) => {
      await stage(object, staging).catch((error: unknown) => {
        throw asStorageRefusal(error, name);
      });
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
  await installed.activate(manifest.id, {
    version: manifest.version,
    manifestSha256: pack.manifestSha256,
    installedAt: services.clock().toISOString(),
  });
  await installed.pruneVersions();
  return {
    status: current ? 'updated' : 'installed',
    id: manifest.id,
    version: manifest.version,
    ...(current ? { previousVersion: current.version } : {}),
    title: name,
    bytesAdded: totalBytes,
  };
}

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
