// Sync with the provincial hub, in the minutes a commune is online: a signed catalog says
// what exists and what is withdrawn; only files the laptop lacks are fetched, resuming
// after dropped connections; each pack installs through the same checks as a file does.
import { createHash } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import type { AvailablePack } from '../contract/sync';
import type { MessageParams } from '../contract/api-error';
import { archiveNames } from '../packs/archive/pack-archive-writer';
import { hubPaths, type Catalog } from '../packs/format/catalog';
import { installSignedPack, planInstall, type InstallPlan, type InstallServices } from '../packs/install/install-signed-pack';
import { expectedObjects, type SignedPack } from '../packs/install/read-signed-pack';
import { PackRefusal } from '../packs/pack-refusal';
import { noteSignedTime } from '../packs/trust/trust-service';
import { verifyCatalog } from '../packs/trust/verify-catalog';
import { verifyManifest, verifyPublisher } from '../packs/trust/verify-chain';
import { HubFailure } from './hub-failure';
import { openDownloadsFolder, type HeldDownloads } from './downloads-folder';
import { openHubClient, type HubClient } from './hub-client';
import { throttle } from './throttle';
import { hashOfFile } from '../storage/file-hash';

export interface SyncProgress {
  readonly packId: string;
  readonly title: string;
  readonly doneBytes: number;
  readonly totalBytes: number;
  readonly doneFiles: number;
  readonly totalFiles: number;
  readonly bytesPerSecond: number;
  readonly secondsLeft: number | null;
}

export interface CatalogCheck {
  readonly catalog: {
    status: 'ok' | 'stale' | 'replayed' | 'expired';
    version: number;
    knownVersion: number | null;
    issuedAt: string;
    expiresAt: string;
  };
  readonly packs: AvailablePack[];
}

export interface SyncResult {
  readonly cancelled: boolean;
  readonly results: {
    id: string;
    title: string;
    status: 'installed' | 'updated' | 'unchanged' | 'failed';
    version: number;
    failure?: { messageKey: string; params?: MessageParams };
  }[];
}

export interface SyncOptions {
  readonly stallMs?: number;
  readonly retries?: number;
}

interface Candidate {
  readonly pack: SignedPack;
  readonly plan: Extract<InstallPlan, { kind: 'install' }>;
  readonly entry: Catalog['packs'][number];
}

const maxCatalogBytes = 32 * 1024 * 1024;
const maxDocumentBytes = 8 * 1024 * 1024;
/** How often a download tells the screen how far it is. */
const progressEveryMs = 100;
/** A first install of at least this many files comes as one bundle, not one request per file. */
const bundleMinFiles = 32;
const speedBucketMs = 250;
const speedWindowMs = 5_000;

export class SyncService {
  readonly #services: InstallServices;
  readonly #options: SyncOptions;
  #running: AbortController | undefined;

  constructor(services: InstallServices, options: SyncOptions = {}) {
    this.#services = services;
    this.#options = options;
  }

  /** Fetches and checks the catalog, records its withdrawals, and says what each pack needs. */
  async check(hubUrl: string, signal?: AbortSignal): Promise<CatalogCheck & { candidates: Map<string, Candidate>; client: HubClient }> {
    const client = this.#client(hubUrl, signal);
    const { trust } = this.#services;
    const text = await client.getText(hubPaths.catalog, maxCatalogBytes);
    // Revocations first, as from a pack file: a key revoked since is judged revoked now.
    await this.#learnRevocations(client);
    const verified = verifyCatalog(text, trust.roots(), trust.state(), trust.now());
    const { catalog } = verified;
    const documentSha256 = createHash('sha256').update(verified.document).digest('hex');
    const known = trust.state().catalog;
    const status: CatalogCheck['catalog']['status'] =
      known && catalog.version < known.version
        ? 'stale'
        : known && catalog.version === known.version && known.documentSha256 !== documentSha256
          ? 'replayed'
          : Date.parse(catalog.expiresAt) < trust.now().getTime()
            ? 'expired'
            : 'ok';
    const summary = {
      status,
      version: catalog.version,
      knownVersion: known?.version ?? null,
      issuedAt: catalog.issuedAt,
      expiresAt: catalog.expiresAt,
    };
    // A catalog the app will not act on changes nothing: the laptop keeps what it has.
    if (status !== 'ok') return { catalog: summary, packs: [], candidates: new Map(), client };

    await trust.update((data) => {
      data.catalog = {
        hubKeyId: catalog.hubKeyId,
        version: catalog.version,
        documentSha256,
        issuedAt: catalog.issuedAt,
        expiresAt: catalog.expiresAt,
        fetchedAt: this.#services.clock().toISOString(),
      };
      data.withdrawn = catalog.withdrawn.map(({ packId, itemId, reason, at }) => ({
        packId,
        ...(itemId ? { itemId } : {}),
        ...(reason ? { reason } : {}),
        at,
      }));
      noteSignedTime(data, catalog.issuedAt);
    });

    const packs: AvailablePack[] = [];
    const candidates = new Map<string, Candidate>();
    for (const entry of catalog.packs) {
      const installed = await this.#services.installed.pointer(entry.id);
      const base = {
        id: entry.id,
        title: entry.title,
        version: entry.version,
        installedVersion: installed?.version ?? null,
        totalBytes: entry.totalBytes,
        fileCount: entry.fileCount,
      };
      if (catalog.withdrawn.some((each) => each.packId === entry.id && !each.itemId)) {
        packs.push({ ...base, state: 'withdrawn', downloadBytes: 0 });
        continue;
      }
      if (installed && installed.version > entry.version) {
        packs.push({ ...base, state: 'older', downloadBytes: 0 });
        continue;
      }
      if (installed && installed.version === entry.version) {
        packs.push({ ...base, state: 'current', downloadBytes: 0 });
        continue;
      }
      const pack = await this.#fetchSignedPack(client, entry);
      const plan = await planInstall(this.#services, pack);
      if (plan.kind === 'unchanged') {
        packs.push({ ...base, state: 'current', downloadBytes: 0 });
        continue;
      }
      candidates.set(entry.id, { pack, plan, entry });
      packs.push({
        ...base,
        state: installed ? 'update' : 'new',
        downloadBytes: plan.needed.reduce((sum, object) => sum + object.size, 0),
      });
    }
    return { catalog: summary, packs, candidates, client };
  }

  /** Checks, then downloads and installs the packs named (default: all new and updated). */
  async run(hubUrl: string, ids: readonly string[] | undefined, onProgress: (progress: SyncProgress) => void): Promise<SyncResult> {
    if (this.#running) this.#running.abort();
    const controller = new AbortController();
    this.#running = controller;
    try {
      const checked = await this.check(hubUrl, controller.signal);
      const chosen = [...checked.candidates.values()].filter((candidate) => !ids || ids.includes(candidate.entry.id));
      const results: SyncResult['results'] = [];
      for (const candidate of chosen) {
        const title = candidate.pack.manifest.title.vi ?? candidate.entry.id;
        try {
          // Planned again now: a file an earlier pack of this sync brought is not fetched twice.
          const plan = await planInstall(this.#services, candidate.pack);
          const outcome =
            plan.kind === 'unchanged' ? plan.outcome : await this.#install(checked.client, { ...candidate, plan }, onProgress);
          results.push({ id: outcome.id, title, status: outcome.status, version: outcome.version });
        } catch (error) {
          if (error instanceof HubFailure && error.reason === 'cancelled') return { cancelled: true, results };
          // A dropped hub stops the whole sync; a bad pack only itself.
          if (error instanceof HubFailure) throw error;
          if (!(error instanceof PackRefusal)) throw error;
          results.push({
            id: candidate.entry.id,
            title,
            status: 'failed',
            version: candidate.entry.version,
            failure: { messageKey: error.messageKey, params: error.params },
          });
        }
      }
      await this.#forgetFinishedDownloads(checked.candidates);
      return { cancelled: false, results };
    } finally {
      if (this.#running === controller) this.#running = undefined;
    }
  }

  cancel(): boolean {
    if (!this.#running) return false;
    this.#running.abort();
    return true;
  }

  #client(hubUrl: string, signal: AbortSignal | undefined): HubClient {
    return openHubClient({ baseUrl: hubUrl, ...this.#options, ...(signal ? { signal } : {}) });
  }

  /**
   * The revocation lists the hub carries (`trust/<root key id>/`) for the roots this laptop
   * trusts. Each is signed by its root, so whoever serves it, only a newer valid list counts.
   */
  async #learnRevocations(client: HubClient): Promise<void> {
    const { trust } = this.#services;
    for (const root of trust.roots()) {
      const get = (name: string) => client.getBytes(hubPaths.revocations(root.keyId, name), maxDocumentBytes);
      let bytes: Buffer;
      try {
        bytes = await get(archiveNames.revocations);
      } catch (error) {
        if (error instanceof HubFailure && error.reason === 'notFound') continue;
        throw error;
      }
      await trust.acceptRevocations(
        { bytes, signature: await get(archiveNames.revocationsSignature) },
        hubPaths.revocations(root.keyId, archiveNames.revocations),
      );
    }
  }

  /** A pack's signed documents from the hub, checked like an archive's, and against the catalog. */
  async #fetchSignedPack(client: HubClient, entry: Catalog['packs'][number]): Promise<SignedPack> {
    const get = (name: string) => client.getBytes(hubPaths.packDocument(entry.id, entry.version, name), maxDocumentBytes);
    // Side by side: over a mobile link each request waits a round trip of its own.
    const [manifest, manifestSignature, publisherDocument, publisherSignature] = await Promise.all([
      get(archiveNames.manifest),
      get(archiveNames.manifestSignature),
      get(archiveNames.publisher),
      get(archiveNames.publisherSignature),
    ]);
    const documents = { manifest, manifestSignature, publisher: publisherDocument, publisherSignature };
    const { trust } = this.#services;
    const label = entry.title.vi ?? entry.id;
    const publisher = verifyPublisher(
      { bytes: documents.publisher, signature: documents.publisherSignature },
      trust.roots(),
      trust.state(),
      trust.now(),
      label,
    );
    const verified = verifyManifest({ bytes: documents.manifest, signature: documents.manifestSignature }, publisher, label);
    if (
      verified.manifestSha256 !== entry.manifestSha256 ||
      verified.manifest.id !== entry.id ||
      verified.manifest.version !== entry.version
    ) {
      throw new PackRefusal('keyMismatch', { pack: label, document: archiveNames.manifest });
    }
    return { ...verified, documents };
  }

  async #install(client: HubClient, candidate: Candidate, onProgress: (progress: SyncProgress) => void) {
    const { pack, plan } = candidate;
    const title = pack.manifest.title.vi ?? pack.manifest.id;
    const totalBytes = plan.needed.reduce((sum, object) => sum + object.size, 0);
    const downloads = openDownloadsFolder(this.#services.store.downloadsDir);
    await mkdir(this.#services.store.downloadsDir, { recursive: true });
    const meter = new SpeedMeter(this.#services.clock);
    let doneBytes = 0;
    let doneFiles = 0;
    const report = throttle(() => {
      const bytesPerSecond = meter.rate();
      // At most the total: a part that turns out wrong is fetched again, counted twice.
      const done = Math.min(doneBytes, totalBytes);
      onProgress({
        packId: pack.manifest.id,
        title,
        doneBytes: done,
        totalBytes,
        doneFiles,
        totalFiles: plan.needed.length,
        bytesPerSecond,
        secondsLeft: bytesPerSecond > 0 ? Math.ceil((totalBytes - done) / bytesPerSecond) : null,
      });
    }, progressEveryMs);
    const onBytes = (count: number) => {
      doneBytes += count;
      meter.add(count);
      report();
    };
    // Started by the first file staged (so after the free-space check), awaited by all.
    let fromBundle: Promise<{ complete: ReadonlySet<string>; held: HeldDownloads; ran: boolean }> | undefined;
    const bundleFirst = async () => {
      const held = await downloads.held();
      const files = [...expectedObjects(pack)].map(([sha256, { size }]) => ({
        sha256,
        size,
        part: downloads.partOf(sha256),
        whole: downloads.wholeOf(sha256),
      }));
      // Worth it for a first install of many files: one request instead of one per file. An
      // update, or a pack an earlier sync began, goes file by file, fetching only what is missing.
      if (
        files.length < bundleMinFiles ||
        plan.needed.length !== files.length ||
        files.some((file) => held.parts.has(file.sha256) || held.wholes.has(file.sha256))
      ) {
        return { complete: new Set<string>(), held, ran: false };
      }
      const { complete, failure } = await client.downloadBundle(hubPaths.bundle(pack.manifest.id, pack.manifest.version), files, {
        onBytes,
        onFile: () => {
          doneFiles += 1;
          report();
        },
      });
      // Whatever the bundle did not bring (an older hub has none; a cut line) comes file by file.
      return { complete, held: failure ? await downloads.held() : held, ran: true };
    };
    return installSignedPack(
      this.#services,
      pack,
      plan,
      async (object, staging) => {
        const bundle = await (fromBundle ??= bundleFirst());
        const { sha256, size } = object;
        const whole = downloads.wholeOf(sha256);
        if (bundle.complete.has(sha256)) return staging.adopt(whole, sha256);
        // A whole file a stopped sync brought: checked again before it counts.
        if (bundle.held.wholes.has(sha256)) {
          if ((await hashOfFile(whole)).digest('hex') === sha256) {
            doneBytes += size;
            doneFiles += 1;
            report();
            return staging.adopt(whole, sha256);
          }
          await rm(whole, { force: true });
        }
        const part = downloads.partOf(sha256);
        await client.download(
          { path: hubPaths.object(sha256), part, size, sha256, held: bundle.held.parts.get(sha256) ?? 0 },
          {
            // What an earlier, stopped sync already brought is done, not downloaded again
            // (nor counted twice, when the bundle just brought it).
            onHeld: (count) => {
              if (!bundle.ran) doneBytes += count;
            },
            onBytes,
          },
        );
        doneFiles += 1;
        report();
        return staging.adopt(part, sha256);
      },
      () => undefined,
    ).finally(() => report.flush());
  }

  /** Keeps downloads only for files a pack still needs, so a later sync can resume them. */
  async #forgetFinishedDownloads(candidates: ReadonlyMap<string, Candidate>): Promise<void> {
    const wanted = new Set([...candidates.values()].flatMap((candidate) => candidate.plan.needed.map((object) => object.sha256)));
    await openDownloadsFolder(this.#services.store.downloadsDir).forget(
      async (sha256) => wanted.has(sha256) && !(await this.#services.store.has(sha256)),
    );
  }
}

/**
 * Bytes per second over the last few seconds, for "time left". Counted in quarter-second
 * buckets: a fast download adds thousands of pieces a second, and the rate is read as often.
 */
class SpeedMeter {
  readonly #clock: () => Date;
  readonly #buckets: { at: number; bytes: number }[] = [];
  #windowBytes = 0;
  #lastAt = 0;

  constructor(clock: () => Date) {
    this.#clock = clock;
  }

  add(bytes: number): void {
    const now = this.#clock().getTime();
    const at = now - (now % speedBucketMs);
    const last = this.#buckets.at(-1);
    if (last?.at === at) last.bytes += bytes;
    else this.#buckets.push({ at, bytes });
    this.#windowBytes += bytes;
    this.#lastAt = now;
    while ((this.#buckets[0]?.at ?? now) < now - speedWindowMs) this.#windowBytes -= this.#buckets.shift()?.bytes ?? 0;
  }

  rate(): number {
    const first = this.#buckets[0];
    if (!first || this.#lastAt <= first.at) return 0;
    return Math.round((this.#windowBytes * 1000) / (this.#lastAt - first.at));
  }
}
