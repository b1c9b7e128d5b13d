// What the sync-over-a-commune-link figures share: a pack published to a hub (`chieng hub
// serve`, its own process), the emulated mobile link in front of it (its own process too, see
// link-proxy.ts), and one sync timed through it the way the Sync place does it: `sync.check`,
// then `sync.run` with the check's hash, back to back.
//
// The link's limit, the baseline, is decided here and not from any result: the bytes that
// crossed the link (HTTP heads included; the busier direction, always the hub's) at the
// link's bandwidth, plus one round trip for each step no sync can skip: the first
// connection's handshake, the catalog (the revocation lists ride beside it), the packs'
// signed documents (all side by side), and the files (all side by side). Requests sent side
// by side count once; more requests, or more connections, than that count nothing: a sync
// could overlap them, and the figure says what it loses by not doing so.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { callTyped, openCore, type Core } from '../../../electron/core/core';
import type { ApiOutput } from '../../../electron/core/contract';
import type { Outcome } from './figure';
import { buildAndPublish, installedOutcome, randomImage, writeImageSource, type HubWorld } from './hub';
import { spawnJsonServer, type RunningServer } from './json-server';
import { spawnLinkProxy, type LinkOptions, type LinkProxy, type LinkTraffic } from './link-proxy';
import { round } from './stats';

export const communeLink: LinkOptions = { bitsPerSecond: 8_000_000, addedRoundTripMs: 80 };
/** The first connection's handshake, the catalog, the signed documents, the files. */
export const unavoidableRoundTrips = 4;

export const packId = 'vn.test.bench-commune';
export const fileCount = 160;
export const fileBytes = 62_500;
/** Every 20th file changes in version 2: 5 %. */
export const changedInUpdate = (index: number) => index % 20 === 7;

export interface HubBehindLink {
  /** The hub itself, on loopback: for untimed setup. */
  readonly directUrl: string;
  readonly link: LinkProxy;
  stop(): Promise<void>;
}

/** Serves `world`'s hub folder with `chieng hub serve`, and the link in front of it. */
export async function serveBehindLink(repoRoot: string, world: HubWorld): Promise<HubBehindLink> {
  const hub: RunningServer = await spawnJsonServer(
    [path.join(repoRoot, 'bin', 'chieng.js'), 'hub', 'serve', '--dir', world.hubDir, '--port', '0', '--host', '127.0.0.1', '--json'],
    repoRoot,
  );
  try {
    const link = await spawnLinkProxy(hub.url, communeLink);
    return {
      directUrl: hub.url,
      link,
      async stop() {
        await link.close();
        await hub.stop();
      },
    };
  } catch (error) {
    await hub.stop();
    throw error;
  }
}

/** Publishes version `version` of the bench pack: new random files everywhere for 1, the changed 5 % for later ones. */
export async function publishVersion(world: HubWorld, work: string, version: number): Promise<number> {
  const sourceDir = path.join(work, 'source');
  const written = await writeImageSource(sourceDir, { id: packId, version, count: fileCount }, (index) =>
    version === 1 || changedInUpdate(index) ? randomImage(fileBytes) : undefined,
  );
  await buildAndPublish(world, sourceDir, path.join(work, `v${version}.chieng`));
  return written;
}

/**
 * Puts the demo root the app ships beside the world's test root, so that the laptops trust
 * two roots as a commune's does (the demo root built in, the province's added): a sync asks
 * the hub for each one's revocation list.
 */
export async function shipDemoRoot(repoRoot: string, world: HubWorld): Promise<void> {
  const file = 'demo-root.json';
  await copyFile(path.join(repoRoot, 'resources', 'trust', 'roots', file), path.join(world.resourcesDir, 'trust', 'roots', file));
}

export async function openBenchLaptop(world: HubWorld, dataDir: string, hubUrl: string): Promise<Core> {
  const core = await openCore({ dataDir, kind: 'cli', appVersion: '0.0.0-bench', resourcesDir: world.resourcesDir, log: () => undefined });
  const set = await callTyped(core, 'settings.update', { hubUrl });
  if (!set.ok) {
    await core.close();
    throw new Error(`could not set the hub address: ${JSON.stringify(set.error)}`);
  }
  return core;
}

export interface LinkSync {
  readonly seconds: number;
  readonly traffic: LinkTraffic;
  readonly limitSeconds: number;
  readonly outcome: Extract<ApiOutput<'sync.run'>, { outcome: 'synced' }>;
}

/** The link's limit for what crossed it: bytes at the bandwidth, plus the round trips no sync avoids. */
export function limitSeconds(traffic: LinkTraffic): number {
  const bytes = Math.max(traffic.downBytes, traffic.upBytes);
  return (bytes * 8) / communeLink.bitsPerSecond + (unavoidableRoundTrips * communeLink.addedRoundTripMs) / 1000;
}

/**
 * A check, then the run of the check's hash, through the link (counted afresh); throws unless
 * every pack installed or updated. Both are timed; the moment between is not: the person
 * reads the check before clicking, and the library meanwhile takes in the catalog's
 * withdrawals (it indexes again), which would otherwise hold up the run's first steps.
 */
export async function syncOverLink(core: Core, link: LinkProxy): Promise<LinkSync> {
  await link.reset();
  // Time for the laptop's side to see its kept-alive connections closed.
  await new Promise((resolve) => setTimeout(resolve, 200));
  let startedAt = performance.now();
  const check = await callTyped(core, 'sync.check', {});
  let seconds = (performance.now() - startedAt) / 1000;
  if (!check.ok) throw new Error(`check failed: ${JSON.stringify(check.error)}`);
  await core.library.warm();
  startedAt = performance.now();
  const run = await callTyped(core, 'sync.run', { catalogSha256: check.value.catalogSha256 });
  seconds += (performance.now() - startedAt) / 1000;
  const outcome = installedOutcome(run);
  const traffic = await link.traffic();
  return { seconds, traffic, limitSeconds: limitSeconds(traffic), outcome };
}

/** Requests for a path asked more than once: a one-pass sync has none. */
export function repeatedRequests(traffic: LinkTraffic): number {
  return Object.values(traffic.requestsByPath).reduce((sum, count) => sum + Math.max(0, count - 1), 0);
}

/**
 * The figure's outcome from several syncs: the run of median ratio, as the value (the bytes
 * that crossed, per second of the sync) beside its baseline (the same bytes per second of the
 * link's limit), so that the harness's ratio is the limit's time over the sync's.
 */
export function linkOutcome(syncs: readonly LinkSync[], extra: Readonly<Record<string, number>>): Outcome {
  const ratioOf = (sync: LinkSync) => sync.limitSeconds / sync.seconds;
  const sorted = [...syncs].sort((a, b) => ratioOf(a) - ratioOf(b));
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error('no sync measured');
  const bits = Math.max(median.traffic.downBytes, median.traffic.upBytes) * 8;
  const megabits = (seconds: number) => round(bits / seconds / 1_000_000, 3);
  return {
    value: megabits(median.seconds),
    baseline: {
      name: 'commune_link_limit',
      value: megabits(median.limitSeconds),
      unit: 'Mbit/s',
      extra: { seconds: round(median.limitSeconds, 3), roundTrips: unavoidableRoundTrips },
    },
    runs: syncs.length,
    extra: {
      seconds: round(median.seconds, 3),
      downBytes: median.traffic.downBytes,
      upBytes: median.traffic.upBytes,
      requests: median.traffic.requests,
      connections: median.traffic.connections,
      repeatedRequests: repeatedRequests(median.traffic),
      ...Object.fromEntries(syncs.map((sync, index) => [`ratioRun${index + 1}`, round(ratioOf(sync), 3)])),
      ...extra,
    },
  };
}

export function describeSync(sync: LinkSync): string {
  const { traffic } = sync;
  return `${sync.seconds.toFixed(2)} s against a limit of ${sync.limitSeconds.toFixed(2)} s (ratio ${(sync.limitSeconds / sync.seconds).toFixed(3)}): ${traffic.downBytes} bytes down, ${traffic.upBytes} up, ${traffic.requests} requests on ${traffic.connections} connections`;
}
