// The second half of every install, whatever carried the pack (a `.chieng` file, the hub):
// the version rules (`planInstall`), then `prepareInstall` (room on the disk, a staging
// area), into which the carrier stages every needed file, checked against its signed hash,
// then the commit and the switch of one pointer. The carrier drives the staging itself (the
// sync downloads in between, an import copies from its archive); install never calls back.
// Until the switch nothing is visible; a failure before it leaves the previous version
// exactly as it was.
import { mkdir, statfs } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Failure } from '../../failure';
import { PackRefusal } from '../pack-refusal';
import type { ObjectStore } from '../store/object-store';
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
 * An install whose files are being staged: the caller brings each needed file (a download, an
 * archive's entry) into it, then commits or discards. Nothing is visible before `commit`
 * switches the pointer; a failure before then, or a discard, leaves the previous version
 * exactly as it was. Files staged stay invisible until the commit, and the commit refuses
 * unless every needed file was staged with its signed size and hash.
 */
export interface PreparedInstall {
  /** The files the store lacks, each to be staged once. */
  readonly needed: readonly NeededObject[];
  readonly totalBytes: number;
  /** Streams a file into staging; refuses it unless its bytes hash to the signed SHA-256. */
  receive(object: NeededObject, source: Readable): Promise<void>;
  /** The same for a file already read in whole. */
  receiveBytes(object: NeededObject, bytes: Uint8Array): Promise<void>;
  /**
   * Takes a file the caller already checked against the signed hash (a finished download),
   * left where it is until the commit renames it in, so it must be on the store's file system.
   */
  adopt(object: NeededObject, file: string): Promise<void>;
  /** Moves the staged files into the store, writes the signed documents, switches the pointer. */
  commit(): Promise<InstallOutcome>;
  /** Gives the install up: staged files go, adopted ones stay where they were. */
  discard(): Promise<void>;
}

/**
 * Begins an install `planInstall` asked for: checks there is room for its files, and opens
 * the staging area they go into.
 */
export async function prepareInstall(
  services: InstallServices,
  pack: SignedPack,
  plan: Extract<InstallPlan, { kind: 'install' }>,
): Promise<PreparedInstall> {
  const { store, installed, trust } = services;
  const { manifest } = pack;
  const { needed, name, current } = plan;
  const totalBytes = needed.reduce((sum, object) => sum + object.size, 0);
  const free = await (services.freeBytes ?? freeBytesAt)(store.root);
  if (totalBytes > free) throw new PackRefusal('diskFull', { pack: name, needed: totalBytes, free });

  const staging = await store.beginStaging().catch((error: unknown) => {
    throw storageRefusal(error, name);
  });
  const wanted = new Map(needed.map((object) => [object.sha256, object]));
  /** Files staged with their signed hash; only these may commit. */
  const staged = new Set<string>();
  let state: 'open' | 'committing' | 'done' = 'open';

  const open = (object: NeededObject) => {
    if (state !== 'open') throw new Error(`install of ${manifest.id} is no longer open`);
    if (!wanted.has(object.sha256)) throw new Error(`${object.sha256} is not a file this install needs`);
  };
  const checked = (object: NeededObject, digest: string) => {
    if (digest !== object.sha256) throw new PackRefusal('fileTampered', { pack: name, path: object.path });
    staged.add(object.sha256);
  };
  const asRefusal = (error: unknown): never => {
    throw storageRefusal(error, name);
  };
  const discard = async () => {
    if (state === 'done') return;
    state = 'done';
    await staging.discard();
  };

  return {
    needed,
    totalBytes,
    async receive(object, source) {
      open(object);
      checked(object, await staging.receive(source, object.sha256).catch(asRefusal));
    },
    async receiveBytes(object, bytes) {
      open(object);
      checked(object, await staging.receiveBytes(bytes, object.sha256).catch(asRefusal));
    },
    async adopt(object, file) {
      open(object);
      await staging.adopt(file, object.sha256).catch(asRefusal);
      staged.add(object.sha256);
    },
    discard,
    async commit() {
      if (state !== 'open') throw new Error(`install of ${manifest.id} is no longer open`);
      const missing = needed.find((object) => !staged.has(object.sha256));
      if (missing) {
        await discard();
        throw new PackRefusal('missingFile', { pack: name, path: missing.path });
      }
      state = 'committing';
      try {
        await staging.commit();
      } catch (error) {
        await discard();
        throw storageRefusal(error, name);
      }
      state = 'done';
      // From here the files are in the store, named by no pack until the pointer switches; a
      // failure leaves them for the next garbage collection and the previous version in use.
      await installed.writeVersion(manifest.id, manifest.version, pack.documents).catch(asRefusal);
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
    },
  };
}

/**
 * Runs `work` on `items`, at most `limit` at a time. After a failure it starts nothing new,
 * waits for what is running (so nothing still writes into a staging area being discarded),
 * then throws the first failure.
 */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
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

/** A failure of the disk (full, or refusing a write) as the refusal the person is shown. */
export function storageRefusal(error: unknown, pack: string): unknown {
  // A refusal already said (a file the hub sent wrong, a cancel) is not the disk's.
  if (error instanceof Failure) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new PackRefusal('diskFull', { pack, needed: 0, free: 0 });
  if (code) return new PackRefusal('storageFailed', { pack, detail: code });
  return error;
}
