// One HTTP GET as the hub client needs it, on Node's own http modules rather than fetch:
// a sync makes thousands of requests for small files, and fetch's machinery (web streams,
// a Response per request) cost more processor time per file than the bytes themselves.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip, createInflate } from 'node:zlib';

export interface HttpAnswer {
  readonly status: number;
  header(name: string): string | undefined;
  /** The body, decompressed if it was asked for compressed and came so. */
  readonly body: Readable;
  /** Done with the answer, read or not (an error page, a failure): frees its connection. */
  release(): void;
}

export interface HttpGetOptions {
  /** Ask for gzip and undo it: for documents, never for byte ranges of files. */
  readonly compressed?: boolean;
}

const maxRedirects = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

// Kept-alive connections shared by every request of the process, as fetch's own pool is:
// a few side by side, so one file's transfer overlaps the next one's request.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 6 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 6 }),
};

/** GETs `url`, following redirects to http(s) addresses; `signal` aborts it at any point. */
export async function httpGet(
  url: URL,
  headers: Readonly<Record<string, string>>,
  signal: AbortSignal,
  options: HttpGetOptions = {},
): Promise<HttpAnswer> {
  const sent = options.compressed ? { ...headers, 'Accept-Encoding': 'gzip, deflate' } : headers;
  let current = url;
  for (let redirects = 0; ; redirects += 1) {
    const response = await requestOnce(current, sent, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (!redirectStatuses.has(status) || !location) return answer(response, options.compressed === true);
    response.resume();
    const next = new URL(location, current);
    if (redirects >= maxRedirects || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
      throw Object.assign(new Error(`too many or unsafe redirects at ${current.href}`), { code: 'EREDIRECT' });
    }
    current = next;
  }
}

function requestOnce(url: URL, headers: Readonly<Record<string, string>>, signal: AbortSignal): Promise<IncomingMessage> {
  const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
  const send = protocol === 'https:' ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const request = send(url, { headers, signal, agent: agents[protocol] }, resolve);
    request.once('error', reject);
  });
}

function answer(response: IncomingMessage, compressed: boolean): HttpAnswer {
  const encoding = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = !compressed
    ? undefined
    : encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : undefined;
  return {
    status: response.statusCode ?? 0,
    header(name) {
      const value = response.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    body: decoder ? pipeline(response, decoder, () => undefined) : response,
    release() {
      // A connection goes back to the pool only once its answer has been read to the end.
      if (response.complete) response.resume();
      else response.destroy();
    },
  };
}
