// `chieng hub serve`: the hub folder over HTTP on one machine, with byte ranges so that a
// laptop on a failing connection resumes instead of starting over. Any static web server
// that honours Range does the same job at province scale (with gzip on for JSON, as here).
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { resolveUiAsset } from '../electron/core/ui-assets/resolve-ui-asset';
import { parseRange } from '../electron/core/library/byte-range';

/** Documents shorter than this go as they are: gzip would save next to nothing. */
const gzipFromBytes = 1024;

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
    response
      .writeHead(found.kind === 'refused' ? 400 : 404, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end(found.kind === 'refused' ? 'Bad path' : 'Not found');
    return;
  }
  const isObject = /\/objects\/[0-9a-f]{2}\/[0-9a-f]{64}$|\/files\.bundle$/.test(found.file.replaceAll('\\', '/'));
  const headers: Record<string, string | number> = {
    'Content-Type': found.file.endsWith('.json') ? 'application/json; charset=utf-8' : 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    // Objects never change (their name is their hash), nor does a version's bundle; the
    // catalog changes with every publish.
    'Cache-Control': isObject ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(isObject ? {} : { Vary: 'Accept-Encoding' }),
  };
  const range = parseRange(request.headers.range, found.size);
  if (range.kind === 'unsatisfiable') {
    response.writeHead(416, { ...headers, 'Content-Range': `bytes */${found.size}` }).end();
    return;
  }
  // The catalog and a pack's documents are JSON (a manifest lists every file with its hash)
  // that gzip shrinks several times over: an update of a few files is not dwarfed by them.
  // The laptop's fetch undoes it, so the signatures still meet the exact bytes. Objects go
  // as they are: media already compressed, and resumed by byte ranges.
  if (!isObject && range.kind === 'whole' && found.size >= gzipFromBytes && acceptsGzip(request.headers['accept-encoding'])) {
    response.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    pipeline(createReadStream(found.file), createGzip(), response, () => undefined);
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

/** Whether an Accept-Encoding header takes gzip (named, and not with q=0). */
function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((each) => {
    const [coding = '', ...parameters] = each.split(';').map((part) => part.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}
