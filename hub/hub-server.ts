// `chieng hub serve`: the hub folder over HTTP on one machine, with byte ranges so that a
// laptop on a failing connection resumes instead of starting over. Any static web server
// that honours Range does the same job at province scale.
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveUiAsset } from '../electron/core/ui-assets/resolve-ui-asset';
import { parseRange } from '../electron/core/library/byte-range';

export interface RunningHub {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export function serveHub(dir: string, port: number, host = '0.0.0.0'): Promise<RunningHub> {
  const server = createServer((request, response) => {
    respond(dir, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}/`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function respond(dir: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const found = await resolveUiAsset(dir, request.url ?? '/');
  if (found.kind !== 'file') {
    response.writeHead(found.kind === 'refused' ? 400 : 404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(found.kind === 'refused' ? 'Bad path' : 'Not found');
    return;
  }
  const isObject = /\/objects\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(found.file.replaceAll('\\', '/'));
  const headers: Record<string, string | number> = {
    'Content-Type': found.file.endsWith('.json') ? 'application/json; charset=utf-8' : 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    // Objects never change (their name is their hash); the catalog changes with every publish.
    'Cache-Control': isObject ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  const range = parseRange(request.headers.range, found.size);
  if (range.kind === 'unsatisfiable') {
    response.writeHead(416, { ...headers, 'Content-Range': `bytes */${found.size}` }).end();
    return;
  }
  const [start, end] = range.kind === 'range' ? [range.start, range.end] : [0, found.size - 1];
  const length = found.size === 0 ? 0 : end - start + 1;
  response.writeHead(range.kind === 'range' ? 206 : 200, {
    ...headers,
    'Content-Length': length,
    ...(range.kind === 'range' ? { 'Content-Range': `bytes ${start}-${end}/${found.size}` } : {}),
  });
  if (request.method === 'HEAD' || length === 0) {
    response.end();
    return;
  }
  createReadStream(found.file, { start, end })
    .on('error', () => response.destroy())
    .pipe(response);
}
