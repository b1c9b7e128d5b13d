// The hub client's one HTTP call: redirects followed only to web addresses, documents
// ungzipped, and a connection freed whatever the answer, so a long sync never runs dry.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpGet } from '../../../electron/core/sync/http-get';

let server: Server;
let base: URL;
const document = JSON.stringify({ bài: 'Thông điệp 5K', lines: Array.from({ length: 200 }, (_, index) => `dòng ${index}`) });

beforeEach(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === '/moved') response.writeHead(302, { Location: '/doc' }).end();
    else if (url === '/loop') response.writeHead(302, { Location: '/loop' }).end();
    else if (url === '/elsewhere') response.writeHead(302, { Location: 'file:///etc/passwd' }).end();
    else if (url === '/doc' && /gzip/.test(request.headers['accept-encoding'] ?? ''))
      response.writeHead(200, { 'Content-Encoding': 'gzip' }).end(gzipSync(document));
    else if (url === '/doc') response.writeHead(200).end(document);
    else response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function text(path: string, compressed = false): Promise<{ status: number; body: string }> {
  const answer = await httpGet(new URL(path, base), {}, new AbortController().signal, { compressed });
  let body = '';
  for await (const chunk of answer.body) body += (chunk as Buffer).toString('utf8');
  answer.release();
  return { status: answer.status, body };
}

describe('one GET to the hub', () => {
  it('follows a redirect and undoes gzip on a document, to the exact bytes', async () => {
    await expect(text('moved', true)).resolves.toEqual({ status: 200, body: document });
    await expect(text('doc', false)).resolves.toEqual({ status: 200, body: document });
  });

  it('refuses endless redirects and redirects away from the web', async () => {
    await expect(text('loop')).rejects.toMatchObject({ code: 'EREDIRECT' });
    await expect(text('elsewhere')).rejects.toMatchObject({ code: 'EREDIRECT' });
  });

  it('frees the connection of an answer it did not read, so requests never queue for ever', async () => {
    for (let index = 0; index < 30; index += 1) {
      const answer = await httpGet(new URL('missing', base), {}, AbortSignal.timeout(2_000));
      expect(answer.status).toBe(404);
      answer.release();
    }
    await expect(text('doc')).resolves.toMatchObject({ status: 200 });
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(httpGet(new URL('doc', base), {}, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
