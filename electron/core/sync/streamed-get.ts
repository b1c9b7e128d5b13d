// A GET whose body is handed over piece by piece, for the one large download of a sync (a
// pack's bundle). Node's http client reads every piece of a body into fresh memory and then
// copies it again; on a LAN or loopback hub (district IT provisioning laptops) that copying,
// and collecting the garbage it leaves, cost the laptop more processor time than the rest of
// the install. Over plain http the socket here reads into one reused buffer and the parser
// hands out views of it. Over https, and for a redirect, the ordinary client serves: there
// the encryption and the network dominate.
import net from 'node:net';
import { HTTPParser } from 'http-parser-js';
import { httpGet } from './http-get';

export interface StreamedHead {
  readonly status: number;
  header(name: string): string | undefined;
}

export interface BodySink {
  /** The answer's status and headers; throwing here stops the download with that error. */
  onHead(head: StreamedHead): void;
  /**
   * The next bytes of the body, valid only during the call (the buffer is reused). A promise
   * returned holds the stream until it settles; its rejection stops the download with that error.
   */
  onBytes(bytes: Buffer): Promise<void> | undefined;
}

/** Bytes each read of the socket may bring. */
const readBytes = 1024 * 1024;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** GETs `url` (uncompressed) into `sink`; resolves once the whole body was taken. */
export async function streamedGet(url: URL, signal: AbortSignal, sink: BodySink): Promise<void> {
  if (url.protocol === 'http:' && (await plainGet(url, signal, sink)) === 'done') return;
  const answer = await httpGet(url, {}, signal);
  try {
    sink.onHead(answer);
    for await (const chunk of answer.body) await sink.onBytes(chunk as Buffer);
  } finally {
    answer.release();
  }
}

/** One request on its own connection; says 'redirected' (and takes nothing) for a redirect. */
function plainGet(url: URL, signal: AbortSignal, sink: BodySink): Promise<'done' | 'redirected'> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const buffer = Buffer.allocUnsafeSlow(readBytes);
    const parser = new HTTPParser(HTTPParser.RESPONSE);
    // What the sink still holds: reading waits until it lets go of all of it.
    const holds = new Set<Promise<void>>();
    let complete = false;
    let finished = false;
    const socket = net.connect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 80),
      onread: {
        buffer,
        callback: (count: number) => {
          const parsed = parser.execute(buffer, 0, count);
          // Once the answer is complete the parser reads on as if for a next one (and counts
          // the rest of this read as its head): nothing after the answer is ours to judge.
          if (parsed instanceof Error && !complete)
            fail(Object.assign(new Error(`not an HTTP answer: ${parsed.message}`), { code: 'EPROTO' }));
          return holds.size === 0;
        },
      },
    });
    const settle = (outcome: { error: unknown } | 'done' | 'redirected') => {
      if (finished) return;
      finished = true;
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      if (typeof outcome === 'string') resolve(outcome);
      // The sink's own error (a full disk, a wrong hash) passes through as it was thrown.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      else reject(outcome.error);
    };
    const fail = (error: unknown) => settle({ error });
    const onAbort = () => fail(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });

    parser[HTTPParser.kOnHeadersComplete] = (info) => {
      if (complete || finished) return;
      const headers = new Map<string, string>();
      for (let at = 0; at + 1 < info.headers.length; at += 2) {
        const name = (info.headers[at] as string).toLowerCase();
        const value = info.headers[at + 1] as string;
        headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
      }
      if (redirectStatuses.has(info.statusCode) && headers.has('location')) return settle('redirected');
      try {
        sink.onHead({ status: info.statusCode, header: (name) => headers.get(name.toLowerCase()) });
      } catch (error) {
        fail(error);
      }
    };
    parser[HTTPParser.kOnBody] = (chunk) => {
      if (complete || finished) return;
      try {
        const held = sink.onBytes(chunk);
        if (!held) return;
        holds.add(held);
        held.then(() => {
          holds.delete(held);
          if (holds.size === 0 && !finished) socket.resume();
        }, fail);
      } catch (error) {
        fail(error);
      }
    };
    // Done once the sink has let go of the last bytes too.
    parser[HTTPParser.kOnMessageComplete] = () => {
      if (complete) return;
      complete = true;
      void Promise.all(holds).then(() => settle('done'), fail);
    };

    socket.once('connect', () => {
      socket.write(
        `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n`,
      );
    });
    socket.on('error', fail);
    // A body that runs to the end of the connection ends with it; any other ends too soon.
    socket.once('close', () => {
      if (finished) return;
      parser.finish();
      if (!complete) fail(Object.assign(new Error('connection closed before the answer ended'), { code: 'ECONNRESET' }));
    });
  });
}

function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('aborted', { cause: signal.reason }), { name: 'AbortError', code: 'ABORT_ERR' });
}
