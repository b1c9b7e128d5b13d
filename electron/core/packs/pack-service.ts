// The packs of one data folder: install, list, remove, export, trust. One operation at a
// time, so two imports can never interleave their switches.
import { Failure } from '../failure';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { PackSummary, TrustedRootSummary } from '../contract/packs';
import { writePackArchive } from './archive/pack-archive-writer';
import { archiveNames } from './archive/pack-archive-writer';
import { manifestSchema, publisherCertificateSchema, type Manifest, type RootKey } from './format/schemas';
import { importPackFile, type ImportOutcome, type ImportProgress } from './install/import-pack';
import type { InstallServices } from './install/install-signed-pack';
import { openInstalledPacks, type InstalledPacks } from './install/installed-packs';
import { summarise, type InstalledPack } from './pack-summary';
import { openObjectStore, type ObjectStore, type StoreWriter } from './store/object-store';
import { noteSignedTime, openTrustService, type TrustPaths, type TrustService } from './trust/trust-service';
import { verifyManifest, verifyPublisher } from './trust/verify-chain';
import { PackRefusal } from './pack-refusal';

export interface PackServiceOptions {
  readonly dataDir: string;
  readonly builtInRoots: string;
  readonly clock?: () => Date;
  readonly onDamaged: (file: string, movedTo: string) => void;
  /** For tests: how the store writes, and how much room the disk has. */
  readonly storeWriter?: Partial<StoreWriter>;
  readonly freeBytes?: (dir: string) => Promise<number>;
}

export interface PackService {
  list(): Promise<{ packs: PackSummary[]; storeBytes: number }>;
  importFile(file: string, label: string, onProgress?: (progress: ImportProgress) => void): Promise<ImportOutcome>;
  remove(id: string): Promise<{ id: string; freedBytes: number }>;
  exportTo(id: string, out: string): Promise<{ fileName: string }>;
  roots(): TrustedRootSummary[];
  addRoot(root: RootKey): Promise<TrustedRootSummary>;
  removeRoot(keyId: string): Promise<boolean>;
  /** Installs each embedded pack once per version (so one the user removed stays removed). */
  offerEmbedded(dir: string): Promise<ImportOutcome[]>;
  readonly trust: TrustService;
  /** What installing needs, for installs that arrive by other roads (the hub). */
  readonly installServices: InstallServices;
  /** Installs run one at a time; syncs and imports take turns through this. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Drops files no installed pack needs any more. */
  collectGarbage(): Promise<number>;
  /** Every installed pack, its manifest and where its trust stands today. */
  installedPacks(): Promise<InstalledPack[]>;
  readonly store: ObjectStore;
}

/** Asked to remove or export a pack that is not installed here (not a refused pack). */
export class PackNotInstalled extends Failure {
  constructor(id: string) {
    super('not_found', 'packs:notInstalled', { field: 'id', params: { id } });
  }
}

export async function openPackService(options: PackServiceOptions): Promise<PackService> {
  const clock = options.clock ?? (() => new Date());
  const paths: TrustPaths = { builtInRoots: options.builtInRoots, trustDir: path.join(options.dataDir, 'trust') };
  const trust = await openTrustService(paths, clock, options.onDamaged);
  const store: ObjectStore = openObjectStore(path.join(options.dataDir, 'store'), options.storeWriter);
  const installed: InstalledPacks = openInstalledPacks(path.join(options.dataDir, 'packs'));
  const services = { store, installed, trust, clock, ...(options.freeBytes ? { freeBytes: options.freeBytes } : {}) };

  // Whatever an interrupted import left behind goes before anything else runs.
  await store.clearStaging();
  await installed.pruneVersions();

  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function load(id: string): Promise<InstalledPack | undefined> {
    const pointer = await installed.pointer(id);
    if (!pointer) return undefined;
    const documents = await installed.documents(id, pointer.version);
    const certificate = publisherCertificateSchema.parse(JSON.parse(Buffer.from(documents.publisher).toString('utf8')));
    // Re-checked against today's trust: a root removed or a key revoked since install shows.
    let root = trust.roots().find((each) => each.keyId === certificate.rootKeyId);
    let revoked = false;
    let manifest: Manifest | undefined;
    try {
      const publisher = verifyPublisher(
        { bytes: documents.publisher, signature: documents.publisherSignature },
        trust.roots(),
        trust.state(),
        new Date(certificate.issuedAt),
        id,
      );
      // Verifying parses the manifest: thousands of items are not parsed a second time.
      manifest = verifyManifest({ bytes: documents.manifest, signature: documents.manifestSignature }, publisher, id).manifest;
    } catch (error) {
      revoked = error instanceof PackRefusal && error.reason === 'revokedKey';
      root = revoked ? root : undefined;
    }
    manifest ??= manifestSchema.parse(JSON.parse(Buffer.from(documents.manifest).toString('utf8')));
    return { pointer, manifest, certificate, root, revoked };
  }

  async function loadAll(): Promise<InstalledPack[]> {
    const packs: InstalledPack[] = [];
    for (const id of await installed.ids()) {
      const pack = await load(id).catch(() => undefined);
      if (pack) packs.push(pack);
    }
    return packs;
  }

  async function referencedObjects(): Promise<Set<string>> {
    const keep = new Set<string>();
    for (const pack of await loadAll()) for (const item of pack.manifest.items) for (const file of item.files) keep.add(file.sha256);
    return keep;
  }

  const summaryOfRoot = (root: RootKey & { builtIn: boolean }): TrustedRootSummary => ({
    keyId: root.keyId,
    name: root.name,
    role: root.role,
    prefixes: root.prefixes,
    builtIn: root.builtIn,
  });

  // Files no installed pack names any more (a crash between staging and switching).
  await store.collectGarbage(await referencedObjects());
  await relearnFromInstalled();

  /**
   * What is installed is itself signed evidence: if the trust state was lost (moved aside as
   * damaged), its versions and times come back from the packs, so rollback protection holds.
   */
  async function relearnFromInstalled(): Promise<void> {
    const installedPacks = await loadAll();
    const state = trust.state();
    const behind = installedPacks.filter(({ manifest }) => (state.packVersions[manifest.id]?.version ?? 0) < manifest.version);
    const newest = installedPacks
      .map(({ manifest }) => manifest.publishedAt)
      .sort()
      .at(-1);
    if (behind.length === 0 && (!newest || (state.newestSignedTime && state.newestSignedTime >= newest))) return;
    await trust.update((data) => {
      for (const { manifest, pointer } of behind)
        data.packVersions[manifest.id] = { version: manifest.version, manifestSha256: pointer.manifestSha256 };
      if (newest) noteSignedTime(data, newest);
    });
  }

  return {
    trust,
    installServices: services,
    exclusive,
    collectGarbage: async () => store.collectGarbage(await referencedObjects()),
    installedPacks: () => exclusive(loadAll),
    store,
    list: () =>
      exclusive(async () => {
        const packs = await loadAll();
        const users = new Map<string, number>();
        for (const pack of packs)
          for (const sha of new Set(pack.manifest.items.flatMap((i) => i.files.map((f) => f.sha256))))
            users.set(sha, (users.get(sha) ?? 0) + 1);
        const sizeOf = new Map<string, number>();
        for (const pack of packs) for (const item of pack.manifest.items) for (const file of item.files) sizeOf.set(file.sha256, file.size);
        const now = trust.now();
        const summaries = packs.map((pack) => {
          const own = new Set(pack.manifest.items.flatMap((i) => i.files.map((f) => f.sha256)));
          let diskBytes = 0;
          let sharedBytes = 0;
          for (const sha of own) {
            const size = sizeOf.get(sha) ?? 0;
            diskBytes += size;
            if ((users.get(sha) ?? 0) > 1) sharedBytes += size;
          }
          return summarise(pack, now, { diskBytes, sharedBytes }, trust.state().withdrawn);
        });
        const storeBytes = [...sizeOf.values()].reduce((sum, size) => sum + size, 0);
        return { packs: summaries, storeBytes };
      }),
    importFile: (file, label, onProgress) =>
      exclusive(async () => {
        const outcome = await importPackFile(services, file, label, onProgress);
        // Only a replaced version leaves files behind; whatever a crash left goes at the next start.
        if (outcome.status === 'updated') await store.collectGarbage(await referencedObjects());
        return outcome;
      }),
    remove: (id) =>
      exclusive(async () => {
        if (!(await installed.pointer(id))) throw new PackNotInstalled(id);
        await installed.remove(id);
        return { id, freedBytes: await store.collectGarbage(await referencedObjects()) };
      }),
    exportTo: (id, out) =>
      exclusive(async () => {
        const pack = await load(id);
        if (!pack) throw new PackNotInstalled(id);
        const documents = await installed.documents(id, pack.pointer.version);
        const entries = new Map<string, Uint8Array>([
          [archiveNames.manifest, documents.manifest],
          [archiveNames.manifestSignature, documents.manifestSignature],
          [archiveNames.publisher, documents.publisher],
          [archiveNames.publisherSignature, documents.publisherSignature],
        ]);
        // The root's newest revocations travel with the pack, so the next laptop learns them too.
        const revocations = await trust.revocationDocument(pack.certificate.rootKeyId);
        if (revocations) {
          entries.set(archiveNames.revocations, revocations.bytes);
          entries.set(archiveNames.revocationsSignature, revocations.signature);
        }
        const objects = pack.manifest.items.flatMap((item) => item.files.map((file) => ({ ...file, open: () => store.open(file.sha256) })));
        await writePackArchive(out, entries, objects);
        return { fileName: path.basename(out) };
      }),
    roots: () => trust.roots().map(summaryOfRoot),
    async addRoot(root) {
      await trust.addRoot(root);
      const added = trust.roots().find((each) => each.keyId === root.keyId);
      if (!added) throw new Error('root not kept');
      return summaryOfRoot(added);
    },
    removeRoot: (keyId) => trust.removeRoot(keyId),
    offerEmbedded: (dir) =>
      exclusive(async () => {
        const outcomes: ImportOutcome[] = [];
        for (const name of (await readdir(dir).catch(() => [] as string[])).filter((each) => each.endsWith('.chieng')).sort()) {
          const offeredVersion = trust.state().embeddedOffered[name];
          const version = Number(/-v(\d+)\.chieng$/.exec(name)?.[1] ?? 0);
          if (offeredVersion !== undefined && offeredVersion >= version) continue;
          try {
            outcomes.push(await importPackFile(services, path.join(dir, name), name));
          } catch (error) {
            // An embedded pack that no longer installs (a newer one is already here) is not an error at start.
            if (!(error instanceof PackRefusal) || (error.reason !== 'rollback' && error.reason !== 'sameVersionOtherContent')) throw error;
          }
          await trust.update((data) => {
            data.embeddedOffered[name] = version;
          });
        }
        return outcomes;
      }),
  };
}
