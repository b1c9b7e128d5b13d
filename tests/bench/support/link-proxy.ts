// A commune's mobile link, emulated between a laptop and a hub on loopback: a TCP proxy whose
// two directions each carry at most `bitsPerSecond` (all connections together, one after
// another through the link: a token bucket refilled at that rate and holding one piece), and
// delay every piece by half the added round trip, in order. A new connection's first bytes
// wait one more round trip: the handshake loopback skips but a real link charges. It counts
// what crosses (bytes each way, connections, and the HTTP requests in the laptop's bytes).
//
// It runs in a process of its own (`spawnLinkProxy`), so that the laptop's work in the
// measuring process never holds the link up, as it would not hold up a real one.
import { fork } from 'node:child_process';
import net, { type Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LinkOptions {
  readonly bitsPerSecond: number;
  /** Added to every round trip: half on the way out, half on the way back. */
  readonly addedRoundTripMs: number;
}

export interface LinkTraffic {
  /** Bytes from the hub to the laptop (HTTP heads included), and the other way. */
  readonly downBytes: number;
  readonly upBytes: number;
  readonly connections: number;
  readonly requests: number;
  /** Requests per request path (`GET /catalog.json` counts under `/catalog.json`). */
  readonly requestsByPath: Readonly<Record<string, number>>;
}

export interface LinkProxy {
  /** The hub's base URL as the laptop sees it, through the link. */
  readonly url: string;
  traffic(): Promise<LinkTraffic>;
  /** Starts counting afresh, with every connection closed. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** Bytes of one piece: a large read goes through the link in pieces, as packets do, not as one late lump. */
const pieceBytes = 16 * 1024;
/** Bytes a connection may have in the link before its sender waits (TCP's window, roughly). */
const windowBytes = 128 * 1024;

/** One direction of the link, shared by every connection: pieces go through one after another. */
class Direction {
  readonly #bytesPerMs: number;
  readonly #delayMs: number;
  #busyUntil = 0;
  bytes = 0;

  constructor(bitsPerSecond: number, delayMs: number) {
    this.#bytesPerMs = bitsPerSecond / 8 / 1000;
    this.#delayMs = delayMs;
  }

  /** When a piece handed to the link now arrives at the other end. */
  transmit(length: number): number {
    const start = Math.max(performance.now(), this.#busyUntil);
    this.#busyUntil = start + length / this.#bytesPerMs;
    this.bytes += length;
    return this.#busyUntil + this.#delayMs;
  }
}

/** One connection's bytes in one direction: held until the connection is up, then through the link, delivered in order. */
class Pipe {
  readonly #link: Direction;
  readonly #to: Socket;
  readonly #from: Socket;
  readonly #queue: { bytes: Buffer; due: number }[] = [];
  #waiting: Buffer[] | undefined;
  #inFlight = 0;
  #timer: NodeJS.Timeout | undefined;
  #ended = false;

  constructor(link: Direction, from: Socket, to: Socket, upAt: number | undefined) {
    this.#link = link;
    this.#from = from;
    this.#to = to;
    if (upAt !== undefined) {
      this.#waiting = [];
      setTimeout(
        () => {
          const waiting = this.#waiting ?? [];
          this.#waiting = undefined;
          for (const bytes of waiting) this.#enter(bytes);
          this.#drain();
        },
        Math.max(0, upAt - performance.now()),
      );
    }
    from.on('data', (chunk: Buffer) => this.send(chunk));
    from.on('end', () => {
      this.#ended = true;
      this.#drain();
    });
  }

  send(chunk: Buffer): void {
    this.#inFlight += chunk.length;
    if (this.#inFlight >= windowBytes) this.#from.pause();
    if (this.#waiting) this.#waiting.push(chunk);
    else this.#enter(chunk);
  }

  #enter(chunk: Buffer): void {
    for (let at = 0; at < chunk.length; at += pieceBytes) {
      const bytes = chunk.subarray(at, at + pieceBytes);
      this.#queue.push({ bytes, due: this.#link.transmit(bytes.length) });
    }
    this.#schedule();
  }

  #schedule(): void {
    if (this.#timer || this.#queue.length === 0) return;
    const wait = Math.max(0, (this.#queue[0]?.due ?? 0) - performance.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#drain();
    }, wait);
  }

  #drain(): void {
    const now = performance.now();
    while (this.#queue.length > 0 && (this.#queue[0]?.due ?? Infinity) <= now) {
      const { bytes } = this.#queue.shift()!;
      this.#inFlight -= bytes.length;
      if (!this.#to.destroyed) this.#to.write(bytes);
    }
    if (this.#inFlight < windowBytes && this.#from.isPaused()) this.#from.resume();
    if (this.#queue.length === 0 && !this.#waiting && this.#ended) this.#to.end();
    this.#schedule();
  }
}

interface Counts {
  connections: number;
  requests: number;
  requestsByPath: Record<string, number>;
}

/** Starts the link in this process, in front of `upstream` (the hub's base URL). */
export async function startLinkProxy(
  upstream: string,
  options: LinkOptions,
): Promise<{ url: string; traffic(): LinkTraffic; reset(): void; close(): Promise<void> }> {
  const target = new URL(upstream);
  const oneWayMs = options.addedRoundTripMs / 2;
  const down = new Direction(options.bitsPerSecond, oneWayMs);
  const up = new Direction(options.bitsPerSecond, oneWayMs);
  let counts: Counts = { connections: 0, requests: 0, requestsByPath: {} };
  const sockets = new Set<Socket>();

  // Half-open allowed: each side's end travels through the link behind its last bytes.
  const server = net.createServer({ allowHalfOpen: true }, (laptop) => {
    counts.connections += 1;
    const hub = net.connect({ host: target.hostname, port: Number(target.port || 80), allowHalfOpen: true });
    for (const socket of [laptop, hub]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        laptop.destroy();
        hub.destroy();
      });
    }
    laptop.on('close', () => hub.destroy());
    // The laptop's first bytes leave once the handshake is done: one round trip after it connected.
    new Pipe(up, laptop, hub, performance.now() + options.addedRoundTripMs);
    new Pipe(down, hub, laptop, undefined);
    countRequests(laptop);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    traffic: () => ({ downBytes: down.bytes, upBytes: up.bytes, ...counts, requestsByPath: { ...counts.requestsByPath } }),
    reset() {
      // Every connection goes: a laptop coming online has none kept alive from before.
      for (const socket of sockets) socket.destroy();
      down.bytes = 0;
      up.bytes = 0;
      counts = { connections: 0, requests: 0, requestsByPath: {} };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };

  /** Reads the request heads the laptop sends (GETs, without bodies) to count them by path. */
  function countRequests(laptop: Socket): void {
    let pending = '';
    laptop.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const [method, target] = pending.slice(0, end).split(' ', 3);
        pending = pending.slice(end + 4);
        if (!method || !target) continue;
        const requestPath = new URL(target, 'http://link').pathname;
        counts.requests += 1;
        counts.requestsByPath[requestPath] = (counts.requestsByPath[requestPath] ?? 0) + 1;
      }
    });
  }
}

type Request = { readonly id: number; readonly kind: 'traffic' | 'reset' | 'close' };
type Reply = { readonly id: number; readonly traffic?: LinkTraffic };

/** Starts the link in a child process of its own, in front of `upstream`. */
export async function spawnLinkProxy(upstream: string, options: LinkOptions): Promise<LinkProxy> {
  const child = fork(fileURLToPath(import.meta.url), [upstream, JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    cwd: path.dirname(fileURLToPath(import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (message: { url?: string }) => (message.url ? resolve(message.url) : reject(new Error('no url'))));
    child.once('exit', (code) => reject(new Error(`the link proxy exited (${code}) before starting`)));
  });
  let next = 0;
  const ask = (kind: Request['kind']) =>
    new Promise<Reply>((resolve) => {
      const id = (next += 1);
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        child.off('message', onMessage);
        resolve(reply);
      };
      child.on('message', onMessage);
      child.send({ id, kind } satisfies Request);
    });
  return {
    url,
    traffic: async () => (await ask('traffic')).traffic!,
    reset: async () => void (await ask('reset')),
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask('close');
      child.disconnect();
      await exited;
    },
  };
}

// Run as the child: the link in front of argv's upstream, answering the parent's requests.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.send) {
  const [upstream = '', options = '{}'] = process.argv.slice(2);
  const link = await startLinkProxy(upstream, JSON.parse(options) as LinkOptions);
  process.on('message', (request: Request) => {
    if (request.kind === 'traffic') process.send?.({ id: request.id, traffic: link.traffic() } satisfies Reply);
    else if (request.kind === 'reset') {
      link.reset();
      process.send?.({ id: request.id } satisfies Reply);
    } else void link.close().then(() => process.send?.({ id: request.id } satisfies Reply));
  });
  process.on('disconnect', () => void link.close().then(() => process.exit(0)));
  process.send({ url: link.url });
}
