// What the sync figures share: a test root, a publisher and a hub signer it certifies; packs
// of generated image files published to a hub folder; laptops that sync from it through the
// core's own door; and a proxy in front of the hub that counts what it serves, and can cut a
// download short the way a commune's mobile connection does.
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { callTyped, openCore } from '../../../electron/core/core';
import type { ApiOutput, Result } from '../../../electron/core/contract';
import { buildPack } from '../../../electron/core/packs/authoring/build-pack';
import { loadGlyphCoverage } from '../../../electron/core/packs/authoring/glyph-coverage';
import { openTrustService, type TrustService } from '../../../electron/core/packs/trust/trust-service';
import type { SyncOptions } from '../../../electron/core/sync/sync-service';
import { publishToHub, type HubSigner } from '../../../hub/hub-folder';
import { fontsDir, makePublisher, makeRoot, type TestPublisher } from '../../support/pack-fixtures';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface HubWorld {
  /** Holds trust/roots with the test root, as an app's resources folder does. */
  readonly resourcesDir: string;
  readonly hubDir: string;
  readonly publisher: TestPublisher;
  readonly signer: HubSigner;
  /** The hub operator's view of trust, for publishing. */
  readonly trust: TrustService;
}

export async function makeHubWorld(work: string): Promise<HubWorld> {
  const resourcesDir = path.join(work, 'resources');
  const root = await makeRoot(path.join(resourcesDir, 'trust', 'roots'));
  const publisher = makePublisher(root, { name: 'Bench publisher' });
  const hubKey = makePublisher(root, { name: 'Bench hub' });
  const signer: HubSigner = {
    key: hubKey.secret,
    certificate: { text: hubKey.certificate.text, signature: hubKey.certificate.signature },
    validDays: 30,
  };
  const trust = await openTrustService(
    { builtInRoots: root.dir, trustDir: path.join(work, 'hub-trust') },
    () => new Date(),
    () => undefined,
  );
  return { resourcesDir, hubDir: path.join(work, 'hub'), publisher, signer, trust };
}

/** A PNG-signed file of random bytes, `size` long. */
export function randomImage(size: number): Buffer {
  const content = randomBytes(size);
  pngSignature.copy(content);
  return content;
}

export function imagePath(index: number): string {
  return `images/${String(index).padStart(4, '0')}.png`;
}

/**
 * Writes a source folder of `count` images, one `image` item each, whose bytes come from
 * `content`, and a pack.json naming them; files already there are kept unless `content`
 * returns bytes for them. Returns the bytes written.
 */
export async function writeImageSource(
  sourceDir: string,
  spec: { id: string; version: number; count: number },
  content: (index: number) => Buffer | undefined,
): Promise<number> {
  await mkdir(path.join(sourceDir, 'images'), { recursive: true });
  let written = 0;
  const items = [];
  for (let index = 0; index < spec.count; index += 1) {
    const file = imagePath(index);
    const bytes = content(index);
    if (bytes) {
      await writeFile(path.join(sourceDir, ...file.split('/')), bytes);
      written += bytes.length;
    }
    const name = String(index).padStart(4, '0');
    items.push({
      id: `anh-${name}`,
      kind: 'image',
      languages: ['vi'],
      topics: ['bench'],
      title: { vi: `Ảnh ${name}` },
      files: [{ path: file }],
    });
  }
  await writeFile(
    path.join(sourceDir, 'pack.json'),
    JSON.stringify({ id: spec.id, version: spec.version, title: { vi: 'Gói đo đồng bộ' }, items }),
  );
  return written;
}

/** Builds `sourceDir` into a signed `.chieng` file and publishes it to the hub. */
export async function buildAndPublish(world: HubWorld, sourceDir: string, out: string): Promise<void> {
  await buildPack({
    sourceDir,
    key: world.publisher.secret,
    certificate: world.publisher.certificate,
    out,
    glyphs: loadGlyphCoverage(fontsDir),
  });
  await publishToHub(world.hubDir, out, world.trust, world.signer);
}

export type SyncOutcome = Extract<ApiOutput<'sync.run'>, { outcome: 'synced' }>;

export interface Laptop {
  /** `sync.run` for every new and updated pack; throws unless each installed or updated. */
  sync(): Promise<SyncOutcome>;
  close(): Promise<void>;
}

/** A laptop's core on `dataDir`, its hub address set to `hubUrl`. */
export async function openLaptop(world: HubWorld, dataDir: string, hubUrl: string, sync?: SyncOptions): Promise<Laptop> {
  const core = await openCore({
    dataDir,
    kind: 'cli',
    appVersion: '0.0.0-bench',
    resourcesDir: world.resourcesDir,
    log: () => undefined,
    ...(sync ? { sync } : {}),
  });
  try {
    const set = await callTyped(core, 'settings.update', { hubUrl });
    if (!set.ok) throw new Error(`could not set the hub address: ${JSON.stringify(set.error)}`);
  } catch (error) {
    await core.close();
    throw error;
  }
  return {
    async sync() {
      return installedOutcome(await callTyped(core, 'sync.run', {}));
    },
    async close() {
      // A sync sets the library indexing the new packs in the background; let it finish
      // rather than race the next measurement, or the removal of the data folder.
      await core.library.warm().catch(() => undefined);
      await core.close();
    },
  };
}

/** Opens a laptop, syncs once, closes it. */
export async function syncOnce(world: HubWorld, dataDir: string, hubUrl: string, sync?: SyncOptions): Promise<SyncOutcome> {
  const laptop = await openLaptop(world, dataDir, hubUrl, sync);
  try {
    return await laptop.sync();
  } finally {
    await laptop.close();
  }
}

/** Response body bytes the proxy passed on, the pack's files apart from everything else. */
export interface HubTraffic {
  /** Bytes of the pack's files: one by one (objects), or end to end (a version's bundle). */
  objectBytes: number;
  documentBytes: number;
  requests: number;
  /** Body bytes sent per request path. */
  readonly byPath: Map<string, number>;
  /** Requests per request path. */
  readonly requestsByPath: Map<string, number>;
}

export interface CountingProxy {
  readonly url: string;
  readonly traffic: HubTraffic;
  /** Starts counting afresh. */
  reset(): void;
  close(): Promise<void>;
}

export interface ProxyOptions {
  /**
   * For the `attempt`-th request (from 1) of `requestPath`: how many body bytes to pass on
   * before cutting the connection, or undefined to pass on everything.
   */
  readonly cutAfter?: (requestPath: string, attempt: number) => number | undefined;
}

const objectPath = /^\/objects\/[0-9a-f]{2}\/[0-9a-f]{64}$|^\/packs\/[^/]+\/\d+\/files\.bundle$/;

/** An HTTP proxy on loopback in front of `upstream` (a hub's base URL). */
export async function startCountingProxy(upstream: string, options: ProxyOptions = {}): Promise<CountingProxy> {
  const agent = new Agent({ keepAlive: true });
  const traffic: HubTraffic = { objectBytes: 0, documentBytes: 0, requests: 0, byPath: new Map(), requestsByPath: new Map() };
  const sockets = new Set<Socket>();

  const forward = (request: IncomingMessage, response: ServerResponse) => {
    const requestPath = new URL(request.url ?? '/', 'http://proxy').pathname;
    const attempt = (traffic.requestsByPath.get(requestPath) ?? 0) + 1;
    traffic.requestsByPath.set(requestPath, attempt);
    traffic.requests += 1;
    const limit = options.cutAfter?.(requestPath, attempt);
    const count = (bytes: number) => {
      if (objectPath.test(requestPath)) traffic.objectBytes += bytes;
      else traffic.documentBytes += bytes;
      traffic.byPath.set(requestPath, (traffic.byPath.get(requestPath) ?? 0) + bytes);
    };
    const outgoing = httpRequest(
      new URL(request.url ?? '/', upstream),
      { method: request.method, headers: request.headers, agent },
      (upstreamResponse) => {
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        let sent = 0;
        let cut = false;
        upstreamResponse.on('data', (chunk: Buffer) => {
          if (cut) return;
          if (limit === undefined || sent + chunk.length < limit) {
            sent += chunk.length;
            count(chunk.length);
            if (!response.write(chunk)) {
              upstreamResponse.pause();
              response.once('drain', () => upstreamResponse.resume());
            }
            return;
          }
          // The cut: pass on exactly `limit` bytes, let them reach the laptop, then drop the line.
          cut = true;
          const last = chunk.subarray(0, limit - sent);
          sent += last.length;
          count(last.length);
          upstreamResponse.destroy();
          response.write(last, () => response.socket?.destroy());
        });
        upstreamResponse.on('end', () => response.end());
        upstreamResponse.on('error', () => undefined);
      },
    );
    outgoing.on('error', () => {
      if (!response.headersSent) response.writeHead(502).end();
      else response.destroy();
    });
    request.pipe(outgoing);
  };

  const server = createServer(forward);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    traffic,
    reset() {
      traffic.objectBytes = 0;
      traffic.documentBytes = 0;
      traffic.requests = 0;
      traffic.byPath.clear();
      traffic.requestsByPath.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        agent.destroy();
      }),
  };
}

/** A run's outcome, which must have installed or updated every pack it names, and at least one. */
export function installedOutcome(result: Result<ApiOutput<'sync.run'>>): Extract<ApiOutput<'sync.run'>, { outcome: 'synced' }> {
  if (!result.ok) throw new Error(`sync failed: ${JSON.stringify(result.error)}`);
  const outcome = result.value;
  if (
    outcome.outcome !== 'synced' ||
    outcome.cancelled ||
    outcome.results.length === 0 ||
    outcome.results.some((each) => each.status !== 'installed' && each.status !== 'updated')
  ) {
    throw new Error(`sync did not install: ${JSON.stringify(outcome)}`);
  }
  return outcome;
}
