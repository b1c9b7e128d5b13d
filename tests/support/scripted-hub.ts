// A hub that misbehaves on request. It stands in front of a real hub (`serveHub`) and passes
// every request through, counting the body bytes it sends per path, unless a test scripted
// something else for that path: other bytes, an error status, an HTML page, a stream that
// stalls or is cut after some bytes, a slow trickle. `close()` makes it go away entirely.
import { request as httpRequest, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Behaviour =
  /** Pass the request to the real hub (the default). */
  | { readonly kind: 'pass' }
  /** Answer with this status (and a short body, and headers such as `Location`) instead. */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly body?: string;
      readonly contentType?: string;
      readonly headers?: Record<string, string>;
    }
  /** Answer 200 with these bytes instead of the hub's, whatever range was asked for. */
  | { readonly kind: 'body'; readonly body: string | Buffer; readonly contentType?: string }
  /** Send the hub's headers and its first `afterBytes` bytes, then nothing, keeping the connection open. */
  | { readonly kind: 'stall'; readonly afterBytes: number }
  /** Send the hub's headers and its first `afterBytes` bytes, then drop the connection. */
  | { readonly kind: 'cut'; readonly afterBytes: number }
  /** Pass the hub's answer through in pieces of `pieceBytes`, pausing `pauseMs` between them. */
  | { readonly kind: 'slow'; readonly pieceBytes: number; readonly pauseMs: number };

export interface ServedRequest {
  readonly path: string;
  readonly range: string | undefined;
  readonly behaviour: Behaviour['kind'];
}

export interface ScriptedHub {
  /** The base URL laptops are given, ending in `/`. */
  readonly url: string;
  readonly port: number;
  /** What the next `times` requests for `path` (relative, e.g. `catalog.json`) get. */
  script(path: string, behaviour: Behaviour, times?: number): void;
  /** Body bytes sent for `path` since the start (or the last `resetCounts`). */
  served(path: string): number;
  /** Body bytes sent per path, for every path whose name matches. */
  servedMatching(pattern: RegExp): Map<string, number>;
  /** Every request received, in order. */
  readonly requests: readonly ServedRequest[];
  resetCounts(): void;
  /** Resolves once a `stall` for `path` has sent its bytes and gone quiet. */
  stalled(path: string): Promise<void>;
  /** Goes away: stops listening and drops every connection. */
  close(): Promise<void>;
}

/** Starts a scripted hub on a free loopback port in front of the hub at `upstream`. */
export async function startScriptedHub(upstream: string): Promise<ScriptedHub> {
  const target = new URL(upstream);
  const scripts = new Map<string, { behaviour: Behaviour; times: number }[]>();
  const counts = new Map<string, number>();
  const requests: ServedRequest[] = [];
  const stallWaiters = new Map<string, (() => void)[]>();
  const stalledPaths = new Set<string>();
  const sockets = new Set<Socket>();

  const count = (path: string, bytes: number) => counts.set(path, (counts.get(path) ?? 0) + bytes);
  const nextBehaviour = (path: string): Behaviour => {
    const queue = scripts.get(path);
    const first = queue?.[0];
    if (!queue || !first) return { kind: 'pass' };
    first.times -= 1;
    if (first.times <= 0) queue.shift();
    return first.behaviour;
  };
  const markStalled = (path: string) => {
    stalledPaths.add(path);
    for (const resolve of stallWaiters.get(path) ?? []) resolve();
    stallWaiters.delete(path);
  };

  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/').replace(/^\//, '');
    const behaviour = nextBehaviour(path);
    requests.push({ path, range: request.headers.range, behaviour: behaviour.kind });
    handle(path, behaviour, request, response).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(path: string, behaviour: Behaviour, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (behaviour.kind === 'status') {
      const body = behaviour.body ?? '';
      response.writeHead(behaviour.status, {
        'Content-Type': behaviour.contentType ?? 'text/plain; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
        ...behaviour.headers,
      });
      count(path, Buffer.byteLength(body));
      response.end(body);
      return;
    }
    if (behaviour.kind === 'body') {
      const body = Buffer.from(behaviour.body);
      response.writeHead(200, { 'Content-Type': behaviour.contentType ?? 'application/octet-stream', 'Content-Length': body.length });
      count(path, body.length);
      response.end(body);
      return;
    }
    const upstreamResponse = await forward(request);
    const headers: Record<string, string | string[]> = {};
    for (const name of ['content-type', 'content-length', 'content-range', 'content-encoding', 'accept-ranges', 'cache-control', 'vary']) {
      const value = upstreamResponse.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    response.writeHead(upstreamResponse.statusCode ?? 502, headers);
    const limit = behaviour.kind === 'stall' || behaviour.kind === 'cut' ? behaviour.afterBytes : Infinity;
    let sent = 0;
    for await (const chunk of upstreamResponse) {
      let bytes = chunk as Buffer;
      if (sent + bytes.length > limit) bytes = bytes.subarray(0, limit - sent);
      if (behaviour.kind === 'slow') {
        for (let at = 0; at < bytes.length; at += behaviour.pieceBytes) {
          const piece = bytes.subarray(at, at + behaviour.pieceBytes);
          await write(response, piece);
          count(path, piece.length);
          await new Promise((resolve) => setTimeout(resolve, behaviour.pauseMs));
        }
      } else if (bytes.length > 0) {
        await write(response, bytes);
        count(path, bytes.length);
      }
      sent += bytes.length;
      if (sent >= limit) break;
    }
    if (behaviour.kind === 'stall') {
      // Headers and some bytes sent; now nothing more, with the connection left open.
      upstreamResponse.destroy();
      markStalled(path);
      return;
    }
    if (behaviour.kind === 'cut') {
      upstreamResponse.destroy();
      response.socket?.destroy();
      return;
    }
    response.end();
  }

  function forward(request: IncomingMessage): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.url,
          headers: Object.fromEntries(
            ['range', 'accept-encoding'].flatMap((name) => (request.headers[name] === undefined ? [] : [[name, request.headers[name]]])),
          ),
        },
        resolve,
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    script(path, behaviour, times = Infinity) {
      const queue = scripts.get(path) ?? [];
      queue.push({ behaviour, times });
      scripts.set(path, queue);
    },
    served: (path) => counts.get(path) ?? 0,
    servedMatching: (pattern) => new Map([...counts].filter(([path]) => pattern.test(path))),
    requests,
    resetCounts() {
      counts.clear();
      requests.length = 0;
    },
    stalled(path) {
      if (stalledPaths.has(path)) return Promise.resolve();
      return new Promise((resolve) => stallWaiters.set(path, [...(stallWaiters.get(path) ?? []), resolve]));
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}

function write(response: ServerResponse, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    response.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
}
