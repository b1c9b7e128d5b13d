// Sync with the provincial hub, in the minutes a commune is online: a signed catalog says
// what exists and what is withdrawn; only files the laptop lacks are fetched, resuming
// after dropped connections; each pack installs through the same checks as a file does.
//
// One pass per click: the check the person was shown is kept (keyed by its catalog's hash),
// and the run given that hash fetches no catalog or signed document again, only files; it
// answers with the new state, judged without the network, so the screen need not ask again.
import type { SyncCheck, SyncRunResult } from '../contract/sync';
import { planInstall, prepareInstall, type InstallOutcome, type InstallServices } from '../packs/install/install-signed-pack';
import { PackRefusal } from '../packs/pack-refusal';
import { judgeCatalog, readCatalog, type Candidate, type CatalogReading } from './catalog-check';
import { openDownloadsFolder } from './downloads-folder';
import { hubBundles, type HubBundles } from './hub-bundle';
import { hubDocuments, type HubDocuments } from './hub-documents';
import { hubDownloads, type HubDownloads } from './hub-downloads';
import { HubFailure } from './hub-failure';
import { openHubConnection } from './hub-request';
import { downloadPack } from './pack-download';
import { RunProgress, type SyncProgress } from './sync-progress';

export type { SyncProgress } from './sync-progress';
type PackResult = Extract<SyncRunResult, { outcome: 'synced' }>['results'][number];

export interface SyncOptions {
  readonly stallMs?: number;
  readonly retries?: number;
  /**
   * How long a check shown stays good enough to install from without reading the catalog
   * again. Past it, a run reads the catalog and the revocation lists again (one round trip)
   * and installs only if the catalog is still the one shown.
   */
  readonly checkMaxAgeMs?: number;
}

export interface RunRequest {
  /** The packs to install; all new and updated ones when absent. */
  readonly ids?: readonly string[] | undefined;
  /** The hash of the check shown; absent (the CLI shows none), the run reads the catalog itself. */
  readonly catalogSha256?: string | undefined;
  /** Runs after the installs, before the new state is judged (a garbage collection, say). */
  readonly afterInstalls?: (results: readonly PackResult[]) => Promise<void>;
}

interface Hub {
  readonly documents: HubDocuments;
  readonly files: HubDownloads;
  readonly bundles: HubBundles;
}

/**
 * Ten minutes: long enough for a person to read the check and decide, short enough that a
 * catalog republished meanwhile (a withdrawal, say) is noticed at the cost of one request.
 */
const defaultCheckMaxAgeMs = 10 * 60_000;

export class SyncService {
  readonly #services: InstallServices;
  readonly #options: SyncOptions;
  #running: AbortController | undefined;
  /** The last reading of a hub's catalog (by a check or a run), with the packs' signed documents. */
  #kept: CatalogReading | undefined;

  constructor(services: InstallServices, options: SyncOptions = {}) {
    this.#services = services;
    this.#options = options;
  }

  /** Fetches and checks the catalog, records its withdrawals, and says what each pack needs. */
  async check(hubUrl: string): Promise<SyncCheck> {
    const hub = this.#hub(hubUrl, undefined);
    const reading = await this.#read(hub, hubUrl);
    return (await judgeCatalog(this.#services, hub.documents, reading)).check;
  }

  /**
   * Downloads and installs the packs asked for from the catalog shown. A catalog that changed
   * since is answered with its new check, and nothing is installed from it.
   */
  async run(hubUrl: string, request: RunRequest, onProgress: (progress: SyncProgress) => void): Promise<SyncRunResult> {
    if (this.#running) this.#running.abort();
    const controller = new AbortController();
    this.#running = controller;
    try {
      const hub = this.#hub(hubUrl, controller.signal);
      const reading = await this.#readingFor(hub, hubUrl, request.catalogSha256);
      const judged = await judgeCatalog(this.#services, hub.documents, reading);
      if (request.catalogSha256 !== undefined && reading.catalogSha256 !== request.catalogSha256) {
        return { outcome: 'catalogChanged', check: judged.check };
      }
      const { ids } = request;
      const chosen = [...judged.candidates.values()].filter((candidate) => !ids || ids.includes(candidate.entry.id));
      const { results, cancelled } = await this.#installAll(hub, chosen, onProgress);
      await request.afterInstalls?.(results);
      if (!cancelled) await this.#forgetFinishedDownloads(judged.candidates);
      // Judged again from what the reading holds: the documents of every pack it offered are
      // there, so this asks the hub for nothing. The catalog's summary stays as read (its
      // `knownVersion` the one accepted before it).
      const after = await judgeCatalog(this.#services, hub.documents, reading);
      // Only the documents of packs still to install stay in memory until the next check.
      const pending = new Set([...after.candidates.values()].map((candidate) => candidate.entry.manifestSha256));
      for (const sha256 of reading.documents.keys()) if (!pending.has(sha256)) reading.documents.delete(sha256);
      return { outcome: 'synced', cancelled, results, check: after.check };
    } finally {
      if (this.#running === controller) this.#running = undefined;
    }
  }

  cancel(): boolean {
    if (!this.#running) return false;
    this.#running.abort();
    return true;
  }

  #hub(hubUrl: string, signal: AbortSignal | undefined): Hub {
    // A new client per call, for the call's cancel signal; the connections themselves are
    // the process's kept-alive pool (http-get), so a run reuses those its check opened.
    const { stallMs, retries } = this.#options;
    const connection = openHubConnection({
      baseUrl: hubUrl,
      ...(stallMs === undefined ? {} : { stallMs }),
      ...(retries === undefined ? {} : { retries }),
      ...(signal ? { signal } : {}),
    });
    return { documents: hubDocuments(connection), files: hubDownloads(connection), bundles: hubBundles(connection) };
  }

  async #read(hub: Hub, hubUrl: string): Promise<CatalogReading> {
    const reading = await readCatalog(this.#services, hub.documents, hubUrl, this.#kept);
    this.#kept = reading;
    return reading;
  }

  /**
   * The reading a run acts on: the kept one, if it is the check shown and young enough;
   * else a fresh one (the run compares its hash with the one shown before installing).
   */
  async #readingFor(hub: Hub, hubUrl: string, catalogSha256: string | undefined): Promise<CatalogReading> {
    const kept = this.#kept;
    const maxAge = this.#options.checkMaxAgeMs ?? defaultCheckMaxAgeMs;
    if (
      catalogSha256 !== undefined &&
      kept?.hubUrl === hubUrl &&
      kept.catalogSha256 === catalogSha256 &&
      performance.now() - kept.readAt <= maxAge
    ) {
      return kept;
    }
    return this.#read(hub, hubUrl);
  }

  /** Installs each pack in turn, under one progress counter for them all. */
  async #installAll(
    hub: Hub,
    chosen: readonly Candidate[],
    onProgress: (progress: SyncProgress) => void,
  ): Promise<{ results: PackResult[]; cancelled: boolean }> {
    // Each file counted once, for the first pack that needs it: a later one finds it in the store.
    const claimed = new Set<string>();
    const shares = chosen.map(({ plan }) => {
      const share = { bytes: 0, files: 0 };
      for (const object of plan.needed) {
        if (claimed.has(object.sha256)) continue;
        claimed.add(object.sha256);
        share.bytes += object.size;
        share.files += 1;
      }
      return share;
    });
    const progress = new RunProgress(
      shares.reduce((sum, share) => sum + share.bytes, 0),
      shares.reduce((sum, share) => sum + share.files, 0),
      this.#services.clock,
      onProgress,
    );
    const results: PackResult[] = [];
    for (const [index, candidate] of chosen.entries()) {
      const title = candidate.pack.manifest.title.vi ?? candidate.entry.id;
      const before = progress.counted();
      try {
        // Planned again after an earlier pack of this sync went in: a file it brought is not
        // fetched twice. Before that, the plan just judged holds (nothing else runs meanwhile).
        const replan = results.some((each) => each.status === 'installed' || each.status === 'updated');
        const outcome = await this.#install(hub, candidate, replan, progress);
        results.push({ id: outcome.id, title, status: outcome.status, version: outcome.version });
      } catch (error) {
        if (error instanceof HubFailure && error.reason === 'cancelled') return { results, cancelled: true };
        // A dropped hub stops the whole sync; a bad pack only itself.
        if (!(error instanceof PackRefusal)) throw error;
        const share = shares[index] ?? { bytes: 0, files: 0 };
        const got = progress.counted();
        progress.drop(Math.max(0, share.bytes - (got.bytes - before.bytes)), Math.max(0, share.files - (got.files - before.files)));
        results.push({
          id: candidate.entry.id,
          title,
          status: 'failed',
          version: candidate.entry.version,
          failure: { messageKey: error.messageKey, params: error.params },
        });
      }
    }
    progress.flush();
    return { results, cancelled: false };
  }

  async #install(hub: Hub, candidate: Candidate, replan: boolean, progress: RunProgress): Promise<InstallOutcome> {
    const { pack } = candidate;
    const plan = replan ? await planInstall(this.#services, pack) : candidate.plan;
    if (plan.kind === 'unchanged') return plan.outcome;
    progress.pack(pack.manifest.id, pack.manifest.title.vi ?? pack.manifest.id);
    const prepared = await prepareInstall(this.#services, pack, plan);
    try {
      await downloadPack(hub, this.#services.store.downloadsDir, pack, prepared, progress);
    } catch (error) {
      await prepared.discard();
      throw error;
    }
    return prepared.commit();
  }

  /** Keeps downloads only for files a pack still needs, so a later sync can resume them. */
  async #forgetFinishedDownloads(candidates: ReadonlyMap<string, Candidate>): Promise<void> {
    const wanted = new Set([...candidates.values()].flatMap((candidate) => candidate.plan.needed.map((object) => object.sha256)));
    await openDownloadsFolder(this.#services.store.downloadsDir).forget(
      async (sha256) => wanted.has(sha256) && !(await this.#services.store.has(sha256)),
    );
  }
}
