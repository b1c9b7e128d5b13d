// A material's file for a viewer: found in the installed pack by its path, checked against
// its signed hash (once per start), served in byte ranges so audio and video seek at once.
// Both the HTTP host and the Electron `pack:` protocol answer with this.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parseRange } from './byte-range';
import type { LibraryService } from './library-service';

export interface MaterialResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** The file's bytes; absent for HEAD, errors and empty files. */
  readonly body?: Readable;
}

const plain = (status: number): MaterialResponse => ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function materialResponse(
  library: LibraryService,
  packId: string,
  filePath: string,
  rangeHeader: string | undefined,
  head = false,
): Promise<MaterialResponse> {
  const resolved = await library.resolve(packId, filePath);
  if (!resolved) return plain(404);
  if (!(await stat(resolved.file).catch(() => undefined))?.isFile()) return plain(404);
  // A file that does not match its signature is never shown: the viewer says so instead.
  if (!(await library.verify(resolved))) return plain(410);
  const headers: Record<string, string> = {
    // Pack content is data: never sniffed into something runnable, never framed.
    'Content-Type':
      resolved.mediaType === 'text/markdown'
        ? 'text/markdown; charset=utf-8'
        : resolved.mediaType === 'application/vnd.chieng.leaflet+json'
          ? 'application/json; charset=utf-8'
          : resolved.mediaType,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
  };
  const range = parseRange(rangeHeader, resolved.size);
  if (range.kind === 'unsatisfiable') return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${resolved.size}` } };
  const [start, end] = range.kind === 'range' ? [range.start, range.end] : [0, resolved.size - 1];
  const length = resolved.size === 0 ? 0 : end - start + 1;
  return {
    status: range.kind === 'range' ? 206 : 200,
    headers: {
      ...headers,
      'Content-Length': String(length),
      ...(range.kind === 'range' ? { 'Content-Range': `bytes ${start}-${end}/${resolved.size}` } : {}),
    },
    ...(head || length === 0 ? {} : { body: createReadStream(resolved.file, { start, end }) }),
  };
}
