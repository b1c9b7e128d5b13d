// `serveHub` sends the JSON documents gzipped to a laptop that accepts it, so that a large
// pack's manifest does not dwarf an update of a few files; objects always go as they are.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubPaths } from '../../../electron/core/packs/format/catalog';
import { serveHub, type RunningHub } from '../../../hub/hub-server';
import { rawRequest } from '../../support/raw-http';
import { makeTempDir } from '../../support/temp-dir';

const manifest = Buffer.from(
  `${JSON.stringify({ items: Array.from({ length: 200 }, (_, index) => ({ id: `muc-${index}`, sha256: createHash('sha256').update(String(index)).digest('hex') })) }, null, 2)}\n`,
);
const signature = Buffer.from('{"format":"chieng-sig/1"}\n');
const object = Buffer.alloc(50_000, 'x');
const objectPath = `/${hubPaths.object(createHash('sha256').update(object).digest('hex'))}`;
const manifestPath = `/${hubPaths.packDocument('vn.test.nen', 1, 'manifest.json')}`;
const signaturePath = `/${hubPaths.packDocument('vn.test.nen', 1, 'manifest.sig')}`;

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let hub: RunningHub;

beforeAll(async () => {
  temp = await makeTempDir('chieng-hub-encoding');
  for (const [where, bytes] of [
    [manifestPath, manifest],
    [signaturePath, signature],
    [objectPath, object],
  ] as const) {
    const file = path.join(temp.dir, ...where.slice(1).split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
  hub = await serveHub(temp.dir, 0, '127.0.0.1');
});

afterAll(async () => {
  await hub?.close();
  await temp?.remove();
});

describe('hub serve content encoding', () => {
  it('gzips a document for a client that accepts gzip, and the bytes come back exact', async () => {
    const answer = await rawRequest(hub.port, { path: manifestPath, headers: { 'Accept-Encoding': 'br, gzip, deflate' } });
    expect([answer.status, answer.headers['content-encoding'], answer.headers.vary, answer.headers['content-length']]).toEqual([
      200,
      'gzip',
      'Accept-Encoding',
      undefined,
    ]);
    expect(answer.bytes.length).toBeLessThan(manifest.length / 2);
    expect(gunzipSync(answer.bytes).equals(manifest)).toBe(true);
    const fetched = Buffer.from(await (await fetch(new URL(manifestPath, hub.url))).arrayBuffer());
    expect(fetched.equals(manifest)).toBe(true);
  });

  it('sends a document as it is to a client that does not take gzip, in a byte range, or when it is tiny', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'gzip;q=0, deflate' }] as Record<string, string>[]) {
      const answer = await rawRequest(hub.port, { path: manifestPath, headers });
      expect([answer.status, answer.headers['content-encoding'], answer.headers['content-length'], answer.bytes.equals(manifest)]).toEqual([
        200,
        undefined,
        String(manifest.length),
        true,
      ]);
    }
    const range = await rawRequest(hub.port, { path: manifestPath, headers: { 'Accept-Encoding': 'gzip', Range: 'bytes=10-19' } });
    expect([range.status, range.headers['content-encoding'], range.bytes.equals(manifest.subarray(10, 20))]).toEqual([
      206,
      undefined,
      true,
    ]);
    const tiny = await rawRequest(hub.port, { path: signaturePath, headers: { 'Accept-Encoding': 'gzip' } });
    expect([tiny.headers['content-encoding'], tiny.bytes.equals(signature)]).toEqual([undefined, true]);
  });

  it('never compresses an object', async () => {
    const answer = await rawRequest(hub.port, { path: objectPath, headers: { 'Accept-Encoding': 'gzip' } });
    expect([
      answer.status,
      answer.headers['content-encoding'],
      answer.headers.vary,
      answer.headers['content-length'],
      answer.bytes.equals(object),
    ]).toEqual([200, undefined, undefined, String(object.length), true]);
  });
});
