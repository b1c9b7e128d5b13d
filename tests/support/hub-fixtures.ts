// A province's hub and its laptops, for sync tests: an official root, a publisher and a hub
// key it certified, packs built and published into a hub folder, the folder served over
// HTTP (on its own or behind a scripted, misbehaving hub), and laptops that open the real
// core on a data folder of their own.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { publishToHub, withdrawFromHub, type HubSigner } from '../../hub/hub-folder';
import { serveHub, type RunningHub } from '../../hub/hub-server';
import type { ApiEvent, ApiInput, ApiOutput, MethodName } from '../../electron/core/contract';
import type { ApiError } from '../../electron/core/contract/api-error';
import type { Core } from '../../electron/core/core';
import { signText } from '../../electron/core/packs/authoring/sign-documents';
import { hubPaths, type Catalog, type CatalogFile } from '../../electron/core/packs/format/catalog';
import { openTrustService, type TrustService } from '../../electron/core/packs/trust/trust-service';
import { repoRoot } from './cli-process';
import { buildTestPack, makePublisher, makeRoot, type TestPackSpec, type TestPublisher, type TestRoot } from './pack-fixtures';
import { startScriptedHub, type ScriptedHub } from './scripted-hub';
import { makeTempDir } from './temp-dir';

export const resourcesDir = path.join(repoRoot, 'resources');
const dayMs = 24 * 3600_000;

/** A file that passes the PNG content check: the signature, then `size` random bytes. */
export function randomPng(size: number): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size)]);
}

export const sha256Of = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** A pack of image items, one PNG each, whose files a test can name, change and hash. */
export interface ImagePack {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly files: readonly { readonly item: string; readonly path: string; readonly content: Buffer }[];
}

export function imagePack(
  id: string,
  version: number,
  count: number,
  size: (index: number) => number,
  title = 'Tài liệu tuyên truyền (thử nghiệm)',
): ImagePack {
  return {
    id,
    version,
    title,
    files: Array.from({ length: count }, (_, index) => ({
      item: `anh-${index + 1}`,
      path: `images/anh-${index + 1}.png`,
      content: randomPng(size(index)),
    })),
  };
}

/** The same pack one version up, with the files at `indexes` given new content. */
export function changeFiles(pack: ImagePack, indexes: readonly number[]): ImagePack {
  return {
    ...pack,
    version: pack.version + 1,
    files: pack.files.map((file, index) => (indexes.includes(index) ? { ...file, content: randomPng(file.content.length - 8) } : file)),
  };
}

export const specOf = (pack: ImagePack): TestPackSpec => ({
  id: pack.id,
  version: pack.version,
  title: pack.title,
  items: pack.files.map((file) => ({
    id: file.item,
    kind: 'image',
    languages: ['vi'],
    title: file.item,
    files: [{ path: file.path, content: file.content }],
  })),
});

export interface HubWorld {
  readonly work: string;
  readonly root: TestRoot;
  readonly publisher: TestPublisher;
  /** The hub's key, certified by the root like a publisher, for `vn.test.`. */
  readonly hubKey: TestPublisher;
  readonly signer: HubSigner;
  readonly hubDir: string;
  /** Builds a signed `.chieng` file. */
  build(spec: TestPackSpec | ImagePack, publisher?: TestPublisher): Promise<string>;
  /** Builds and publishes; the new catalog. */
  publish(spec: TestPackSpec | ImagePack, options?: { now?: Date; signer?: HubSigner }): Promise<Catalog>;
  publishFile(file: string, options?: { now?: Date; signer?: HubSigner }): Promise<Catalog>;
  withdraw(packId: string, itemId?: string, reason?: string): Promise<Catalog>;
  /** The hub's `catalog.json`, exactly. */
  catalogText(): Promise<string>;
  /** The real hub server (`serveHub`) on a free loopback port, closed with the world. */
  serve(): Promise<RunningHub>;
  /** The real hub behind a scripted one that counts bytes and misbehaves on request. */
  serveScripted(): Promise<ScriptedHub>;
  /** Key and certificate files for `chieng hub`, and the root file for `chieng trust add`. */
  writeKeyFiles(): Promise<{ hubKey: string; hubCert: string; rootFile: string; rootsDir: string }>;
  /** A laptop: the real core on a fresh data folder that trusts this world's root. */
  laptop(options?: LaptopOptions): Promise<Laptop>;
  remove(): Promise<void>;
}

export interface LaptopOptions {
  readonly dataDir?: string;
  readonly clock?: () => Date;
  readonly stallMs?: number;
  readonly retries?: number;
  /** How long a check shown is installed from without reading the catalog again. */
  readonly checkMaxAgeMs?: number;
  /** How much room the disk has, to fill it in a test. */
  readonly freeBytes?: (dir: string) => Promise<number>;
}

export type SyncedPacks = Pick<Extract<ApiOutput<'sync.run'>, { outcome: 'synced' }>, 'cancelled' | 'results'>;

export interface Laptop {
  readonly core: Core;
  readonly dataDir: string;
  /** Every event the core announced since it opened. */
  readonly events: ApiEvent[];
  call<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  /** A call that must fail; its error. */
  fail<M extends MethodName>(method: M, input: ApiInput<M>): Promise<ApiError>;
  /**
   * `sync.run`, which must sync (not find the catalog changed): what it says of each pack,
   * without the new state it also answers with.
   */
  sync(input?: ApiInput<'sync.run'>): Promise<SyncedPacks>;
  /** Resolves with the first event (past or future) that `match` accepts. */
  waitFor(match: (event: ApiEvent) => boolean, timeoutMs?: number): Promise<ApiEvent>;
  /** What is on disk: objects in the store, staging areas, partial downloads (name → size). */
  files(): Promise<{ objects: string[]; staging: string[]; downloads: Map<string, number> }>;
  close(): Promise<void>;
}

export function hubSigner(hubKey: TestPublisher, validDays = 30): HubSigner {
  return { key: hubKey.secret, certificate: { text: hubKey.certificate.text, signature: hubKey.certificate.signature }, validDays };
}

/** A `catalog.json` signed by `signer`, with whatever fields a test wants (for stale, replayed, expired catalogs). */
export function signCatalog(signer: HubSigner, fields: Partial<Catalog> & Pick<Catalog, 'version'>): string {
  const issuedAt = fields.issuedAt ?? new Date().toISOString();
  const catalog: Catalog = {
    type: 'chieng-catalog',
    format: 1,
    hubKeyId: signer.key.keyId,
    issuedAt,
    expiresAt: new Date(Date.parse(issuedAt) + signer.validDays * dayMs).toISOString(),
    packs: [],
    withdrawn: [],
    ...fields,
  };
  const signed = signText(`${JSON.stringify(catalog, null, 2)}\n`, signer.key);
  const file: CatalogFile = {
    format: 'chieng-catalog-file/1',
    catalog: { document: signed.text, signature: signed.signature },
    certificate: { document: signer.certificate.text, signature: signer.certificate.signature },
  };
  return `${JSON.stringify(file)}\n`;
}

export async function makeHubWorld(options: { hubPrefixes?: string[]; validDays?: number } = {}): Promise<HubWorld> {
  const temp = await makeTempDir('chieng-hub');
  const work = temp.dir;
  const root = await makeRoot(path.join(work, 'roots'), { name: 'Sở TT&TT (thử nghiệm)' });
  const publisher = makePublisher(root, { name: 'Sở Y tế (thử nghiệm)' });
  const hubKey = makePublisher(root, { name: 'Máy chủ tỉnh (thử nghiệm)', prefixes: options.hubPrefixes ?? ['vn.test.'] });
  const signer = hubSigner(hubKey, options.validDays ?? 30);
  const hubDir = path.join(work, 'hub');
  const publishTrust: TrustService = await openTrustService(
    { builtInRoots: root.dir, trustDir: path.join(work, 'publish-trust') },
    () => new Date(),
    () => undefined,
  );
  const cleanups: (() => Promise<void>)[] = [];
  let laptops = 0;

  const build = (spec: TestPackSpec | ImagePack, by = publisher) => buildTestPack(work, by, 'files' in spec ? specOf(spec) : spec);
  const publishFile = async (file: string, { now, signer: other }: { now?: Date; signer?: HubSigner } = {}) =>
    (await publishToHub(hubDir, file, publishTrust, other ?? signer, now)).catalog;

  const world: HubWorld = {
    work,
    root,
    publisher,
    hubKey,
    signer,
    hubDir,
    build,
    publishFile,
    publish: async (spec, publishOptions) => publishFile(await build(spec), publishOptions),
    withdraw: (packId, itemId, reason) => withdrawFromHub(hubDir, signer, packId, itemId, reason),
    catalogText: () => readFile(path.join(hubDir, hubPaths.catalog), 'utf8'),
    async serve() {
      await mkdir(hubDir, { recursive: true });
      const running = await serveHub(hubDir, 0, '127.0.0.1');
      cleanups.push(() => running.close());
      return running;
    },
    async serveScripted() {
      const real = await world.serve();
      const scripted = await startScriptedHub(real.url);
      cleanups.push(() => scripted.close());
      return scripted;
    },
    async writeKeyFiles() {
      const dir = path.join(work, 'keys');
      const rootsDir = path.join(dir, 'roots');
      await mkdir(rootsDir, { recursive: true });
      const hubKeyFile = path.join(dir, 'hub.key');
      const hubCert = path.join(dir, 'hub.cert');
      const rootFile = path.join(rootsDir, 'so-tttt.json');
      await writeFile(hubKeyFile, JSON.stringify(hubKey.secret), { mode: 0o600 });
      await writeFile(
        hubCert,
        JSON.stringify({ format: 'chieng-cert/1', certificate: hubKey.certificate.text, signature: hubKey.certificate.signature }),
      );
      await writeFile(rootFile, JSON.stringify(root.file));
      return { hubKey: hubKeyFile, hubCert, rootFile, rootsDir };
    },
    async laptop(laptopOptions = {}) {
      laptops += 1;
      const laptop = await openLaptop(laptopOptions.dataDir ?? path.join(work, `laptop-${laptops}`), root, laptopOptions);
      cleanups.push(() => laptop.close());
      return laptop;
    },
    async remove() {
      for (const cleanup of cleanups.reverse()) await cleanup();
      // Retried: work a closed core started (indexing a pack it just installed) may still be finishing.
      await rm(temp.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
  return world;
}

/** Opens the core on `dataDir` (fast stall and retry settings unless told), trusting `root`. */
export async function openLaptop(dataDir: string, root: TestRoot, options: LaptopOptions = {}): Promise<Laptop> {
  // Loaded here, not at the top: the core brings the UI texts (JSON modules), which
  // Playwright's loader cannot import, and the e2e specs use this world without a laptop.
  const { openCore } = await import('../../electron/core/core');
  const core = await openCore({
    dataDir,
    kind: 'cli',
    appVersion: '0.0.0-test',
    resourcesDir,
    log: () => undefined,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.freeBytes ? { packStore: { freeBytes: options.freeBytes } } : {}),
    sync: {
      stallMs: options.stallMs ?? 2_000,
      retries: options.retries ?? 2,
      ...(options.checkMaxAgeMs === undefined ? {} : { checkMaxAgeMs: options.checkMaxAgeMs }),
    },
  });
  const events: ApiEvent[] = [];
  const waiters = new Set<{ match: (event: ApiEvent) => boolean; resolve: (event: ApiEvent) => void }>();
  core.subscribe((event) => {
    events.push(event);
    for (const waiter of waiters) {
      if (!waiter.match(event)) continue;
      waiters.delete(waiter);
      waiter.resolve(event);
    }
  });
  let closed = false;
  const laptop: Laptop = {
    core,
    dataDir,
    events,
    async call(method, input) {
      const result = await core.call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value as ApiOutput<typeof method>;
    },
    async fail(method, input) {
      const result = await core.call(method, input);
      if (result.ok) throw new Error(`${method} should have failed, but gave ${JSON.stringify(result.value)}`);
      return result.error;
    },
    async sync(input = {}) {
      const run = await laptop.call('sync.run', input);
      if (run.outcome !== 'synced') throw new Error(`sync.run found the catalog changed: ${JSON.stringify(run)}`);
      return { cancelled: run.cancelled, results: run.results };
    },
    waitFor(match, timeoutMs = 20_000) {
      const past = events.find(match);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (event: ApiEvent) => {
            clearTimeout(timer);
            resolve(event);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    async files() {
      const store = path.join(dataDir, 'store');
      const objects: string[] = [];
      for (const prefix of await readdir(path.join(store, 'objects')).catch(() => [] as string[]))
        objects.push(...(await readdir(path.join(store, 'objects', prefix))));
      const staging = await readdir(path.join(store, 'staging')).catch(() => [] as string[]);
      const downloads = new Map<string, number>();
      // Partial downloads, and whole files a bundle brought (in fan-out folders, as `ab/abc…`).
      for (const entry of await readdir(path.join(store, 'downloads'), { withFileTypes: true }).catch(() => [])) {
        const names = entry.isDirectory()
          ? (await readdir(path.join(store, 'downloads', entry.name))).map((name) => `${entry.name}/${name}`)
          : [entry.name];
        for (const name of names) downloads.set(name, (await readFile(path.join(store, 'downloads', name))).length);
      }
      return { objects: objects.sort(), staging, downloads };
    },
    async close() {
      if (closed) return;
      closed = true;
      await core.close();
    },
  };
  const trusted = await core.call('trust.add', { root: JSON.stringify(root.file) });
  if (!trusted.ok) throw new Error(`trust.add failed: ${JSON.stringify(trusted.error)}`);
  return laptop;
}

/** The objects (by SHA-256) a pack's files are stored as. */
export const objectsOf = (pack: ImagePack): string[] => [...new Set(pack.files.map((file) => sha256Of(file.content)))].sort();
