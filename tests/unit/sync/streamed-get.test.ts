// The bundle's GET: a body handed over from one reused buffer must still arrive exactly,
// however the server frames it; a cut, a garbled answer or a cancel must end it with a
// reason; and a sink that holds the stream must really stop the reading.
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamedGet, type BodySink } from '../../../electron/core/sync/streamed-get';

const body = randomBytes(3_000_000);
let server: Server;
let base: URL;
let sockets: Socket[];
/** What each path answers, written raw so every framing can be tried. */
let answers: Record<string, (socket: Socket) => void>;

beforeEach(async () => {
  sockets = [];
  answers = {};
  server = createServer((socket) => {
    sockets.push(socket);
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const path = head.split(' ')[1] ?? '/';
      (answers[path] ?? ((each) => each.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n')))(socket);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

/** Collects what a sink is given (copied, as the buffer is reused), and its status. */
function collector(hold?: (bytes: Buffer) => Promise<void> | undefined): BodySink & { status: number; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = {
    status: 0,
    bytes: () => Buffer.concat(chunks),
    onHead: ({ status }: { status: number }) => {
      sink.status = status;
    },
    onBytes: (bytes: Buffer) => {
      chunks.push(Buffer.from(bytes));
      return hold?.(bytes);
    },
  };
  return sink;
}

const get = (path: string, sink: BodySink, signal = new AbortController().signal) => streamedGet(new URL(path, base), signal, sink);

describe('streaming a large body', () => {
  it('delivers a sized body exactly, in pieces, from a buffer it reuses', async () => {
    answers['/sized'] = (socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`);
      // In several writes, so that reads land at arbitrary places.
      for (let at = 0; at < body.length; at += 700_001) socket.write(body.subarray(at, at + 700_001));
    };
    const sink = collector();
    await get('/sized', sink);
    expect(sink.status).toBe(200);
    expect(sink.bytes().equals(body)).toBe(true);
  });

  it('delivers a chunked body and one that runs to the end of the connection', async () => {
    answers['/chunked'] = (socket) => {
      socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
      for (const piece of [body.subarray(0, 1_000), body.subarray(1_000, 500_000)])
        socket.write(`${piece.length.toString(16)}\r\n${piece.toString('latin1')}\r\n`, 'latin1');
      socket.write('0\r\n\r\n');
    };
    answers['/to-close'] = (socket) => {
      socket.write('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n');
      socket.end(body.subarray(0, 200_000));
    };
    const chunked = collector();
    await get('/chunked', chunked);
    expect(chunked.bytes().equals(body.subarray(0, 500_000))).toBe(true);
    const toClose = collector();
    await get('/to-close', toClose);
    expect(toClose.bytes().equals(body.subarray(0, 200_000))).toBe(true);
  });

  it('follows a redirect through the ordinary client, and tells the status of an error page', async () => {
    answers['/moved'] = (socket) => socket.end('HTTP/1.1 302 Found\r\nLocation: /sized-small\r\nContent-Length: 0\r\n\r\n');
    answers['/sized-small'] = (socket) =>
      socket.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n'), Buffer.from('hello')]));
    const moved = collector();
    await get('/moved', moved);
    expect([moved.status, moved.bytes().toString()]).toEqual([200, 'hello']);
    const missing = collector();
    await get('/nothing-here', missing);
    expect(missing.status).toBe(404);
  });

  it('fails with a connection error when the line is cut mid-body, keeping what came', async () => {
    answers['/cut'] = (socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`);
      socket.write(body.subarray(0, 100_000), () => setTimeout(() => socket.destroy(), 20));
    };
    const sink = collector();
    await expect(get('/cut', sink)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(sink.bytes().equals(body.subarray(0, 100_000))).toBe(true);
  });

  it('fails on an answer that is not HTTP, and when nothing listens', async () => {
    answers['/garbled'] = (socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n');
    await expect(get('/garbled', collector())).rejects.toMatchObject({ code: 'EPROTO' });
    const closed = new URL(base);
    await new Promise((resolve) => server.close(resolve));
    server.listen(0);
    await expect(streamedGet(closed, new AbortController().signal, collector())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('stops at once when cancelled, and with the error a sink throws', async () => {
    answers['/slow'] = (socket) => socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${'x'.repeat(10)}`);
    const controller = new AbortController();
    const cancelled = get('/slow', collector(), controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    const refusing: BodySink = {
      onHead: () => {
        throw new Error('not the answer we want');
      },
      onBytes: () => undefined,
    };
    await expect(get('/slow', refusing)).rejects.toThrow('not the answer we want');
    const failing = collector(() => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })));
    await expect(get('/slow', failing)).rejects.toMatchObject({ code: 'ENOSPC' });
  });

  it('reads nothing more while the sink holds the stream, and everything once it lets go', async () => {
    answers['/sized'] = (socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n`);
      socket.end(body);
    };
    let release: () => void = () => undefined;
    let firstHeld = 0;
    const sink = collector(() => {
      if (firstHeld > 0) return undefined;
      firstHeld = sink.bytes().length;
      return new Promise<void>((resolve) => (release = resolve));
    });
    const done = get('/sized', sink);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The server has sent it all; the laptop has read no further than the held piece.
    expect(sink.bytes().length).toBe(firstHeld);
    expect(firstHeld).toBeLessThan(body.length);
    release();
    await done;
    expect(sink.bytes().equals(body)).toBe(true);
  });
});
