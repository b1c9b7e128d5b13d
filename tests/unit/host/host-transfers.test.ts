// Files in and out of the browser host: a pack uploaded as raw bytes and installed by its
// upload id, a pack exported and downloaded once, and every request the host must refuse.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTranslator } from '../../../electron/core/i18n/translator';
import { readArchiveEntries } from '../../support/archive-crafting';
import { startHostHarness, type HostHarness } from '../../support/host-harness';
import { buildTestPack, defaultItems, makePublisher, makeRoot } from '../../support/pack-fixtures';
import { rawRequest, type RawResponse } from '../../support/raw-http';
import { makeTempDir } from '../../support/temp-dir';

let harness: HostHarness;
let work: Awaited<ReturnType<typeof makeTempDir>>;
let packFile: string;

const title = 'Phòng, chống COVID-19 (thử nghiệm)';
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 7)]);

beforeAll(async () => {
  harness = await startHostHarness();
  work = await makeTempDir('chieng-host-transfers');
  const root = await makeRoot(path.join(work.dir, 'roots'));
  packFile = await buildTestPack(work.dir, makePublisher(root), {
    title,
    items: [...defaultItems, { id: 'anh-5k', kind: 'image', languages: ['vi'], files: [{ path: 'images/5k.png', content: png }] }],
  });
  // District IT trusts the root, through the same API the settings page uses.
  const added = await call('trust.add', { root: JSON.stringify(root.file) });
  expect(added.status).toBe(200);
});
afterAll(async () => {
  await harness.close();
  await work.remove();
});

const octets = { 'Content-Type': 'application/octet-stream' };
const incoming = () => path.join(harness.dataDir, 'transfers', 'in');
const incomingFiles = () => readdir(incoming()).catch(() => [] as string[]);

function call(method: string, input: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(harness.host.port, {
    method: 'POST',
    path: `/api/call/${method}`,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

function upload(name: string, body: Buffer, headers: Record<string, string> = octets, method = 'POST'): Promise<RawResponse> {
  return rawRequest(harness.host.port, { method, path: `/api/upload?name=${encodeURIComponent(name)}`, headers, body });
}

const download = (id: string, headers: Record<string, string> = {}) =>
  rawRequest(harness.host.port, { path: `/api/download/${id}`, headers });

async function uploaded(name: string, body: Buffer): Promise<string> {
  const response = await upload(name, body);
  expect(response.status, response.body).toBe(200);
  const { ok, value } = JSON.parse(response.body) as { ok: boolean; value: { uploadId: string } };
  expect(ok).toBe(true);
  expect(value.uploadId).toMatch(/^[0-9a-f]{32}$/);
  return value.uploadId;
}

async function installedIds(): Promise<string[]> {
  const response = await call('packs.list', {});
  return (JSON.parse(response.body) as { value: { packs: { id: string }[] } }).value.packs.map((pack) => pack.id);
}

describe('uploading a pack', () => {
  it('takes the raw bytes, then installs them by upload id, and keeps no copy', async () => {
    const bytes = await readFile(packFile);
    const uploadId = await uploaded('goi-covid19.chieng', bytes);
    // Received whole, waiting to be installed.
    expect(await readFile(path.join(incoming(), uploadId))).toEqual(bytes);

    const imported = await call('packs.import', { uploadId });
    expect(imported.status, imported.body).toBe(200);
    expect(JSON.parse(imported.body)).toEqual({
      ok: true,
      value: { status: 'installed', id: 'vn.test.covid19', version: 1, title, bytesAdded: expect.any(Number) as number },
    });
    const listed = JSON.parse((await call('packs.list', {})).body) as { value: { packs: unknown[] } };
    expect(listed.value.packs).toEqual([expect.objectContaining({ id: 'vn.test.covid19', official: true, trust: 'ok', itemCount: 2 })]);
    expect(await incomingFiles()).toEqual([]);

    // An upload installs once; its id means nothing afterwards.
    const again = await call('packs.import', { uploadId });
    expect(again.status).toBe(404);
    expect(JSON.parse(again.body)).toMatchObject({ ok: false, error: { code: 'not_found', field: 'uploadId' } });
  });

  it.each([['multipart/form-data; boundary=x'], ['application/json'], ['text/plain'], ['']])(
    'refuses a body sent as %j with 415, storing nothing',
    async (contentType) => {
      const response = await upload('goi.chieng', await readFile(packFile), contentType ? { 'Content-Type': contentType } : {});
      expect(response.status).toBe(415);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(await incomingFiles()).toEqual([]);
    },
  );

  it('says 405 to anything but POST', async () => {
    const response = await rawRequest(harness.host.port, { path: '/api/upload?name=goi.chieng' });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect((await upload('goi.chieng', Buffer.from('x'), octets, 'PUT')).status).toBe(405);
    expect(await incomingFiles()).toEqual([]);
  });

  it('refuses uploads from another site or for another host name, and accepts its own pages', async () => {
    const bytes = await readFile(packFile);
    expect((await upload('goi.chieng', bytes, { ...octets, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload('goi.chieng', bytes, { ...octets, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await upload('goi.chieng', bytes, { ...octets, Host: 'evil.example' })).status).toBe(421);
    expect(await incomingFiles()).toEqual([]);
    const own = await upload('goi.chieng', bytes, {
      ...octets,
      Origin: `http://127.0.0.1:${harness.host.port}`,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(own.status).toBe(200);
    // Installing it again changes nothing, and the upload is cleaned up all the same.
    const { uploadId } = (JSON.parse(own.body) as { value: { uploadId: string } }).value;
    expect(JSON.parse((await call('packs.import', { uploadId })).body)).toMatchObject({ ok: true, value: { status: 'unchanged' } });
    expect(await incomingFiles()).toEqual([]);
  });

  it('refuses a file that is not a pack, naming it, and deletes the upload', async () => {
    const before = await installedIds();
    const name = 'Tài liệu tháng 8.chieng';
    const uploadId = await uploaded(name, randomBytes(32 * 1024));
    expect(await incomingFiles()).toEqual([uploadId]);

    const imported = await call('packs.import', { uploadId });
    expect(imported.status).toBe(422);
    const { error } = JSON.parse(imported.body) as { error: { code: string; messageKey: string; params: Record<string, unknown> } };
    expect(error).toMatchObject({ code: 'refused', messageKey: 'packs:refused.archiveUnreadable', params: { pack: name } });
    // What the page shows the person.
    const sentence = createTranslator('vi').t(error.messageKey, error.params);
    expect(sentence).toMatch(/^Không cài được “Tài liệu tháng 8\.chieng”: tệp bị hỏng hoặc không đầy đủ/);
    expect(await incomingFiles()).toEqual([]);
    expect(await installedIds()).toEqual(before);
  });

  it('says which field is wrong for an upload id it never gave out', async () => {
    const response = await call('packs.import', { uploadId: randomBytes(16).toString('hex') });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors:transfer.unknownUpload', field: 'uploadId' },
    });
  });
});

describe('downloading an exported pack', () => {
  it('hands out the exact archive once, as an attachment, signatures intact', async () => {
    if (!(await installedIds()).includes('vn.test.covid19'))
      await call('packs.import', { uploadId: await uploaded('goi.chieng', await readFile(packFile)) });
    const exported = await call('packs.export', { id: 'vn.test.covid19' });
    expect(exported.status, exported.body).toBe(200);
    const { downloadId, fileName, size } = (JSON.parse(exported.body) as { value: { downloadId: string; fileName: string; size: number } })
      .value;
    expect(downloadId).toMatch(/^[0-9a-f]{32}$/);
    expect(fileName).toBe('vn.test.covid19-v1.chieng');
    const prepared = harness.core.transfers.download(downloadId)?.path ?? '';
    const expected = await readFile(prepared);
    expect(expected.length).toBe(size);

    // Another site cannot take it, and trying does not use it up.
    expect((await download(downloadId, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await rawRequest(harness.host.port, { method: 'POST', path: `/api/download/${downloadId}` })).status).toBe(405);

    const response = await download(downloadId);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/octet-stream');
    expect(response.headers['content-disposition']).toBe('attachment; filename="vn.test.covid19-v1.chieng"');
    expect(response.headers['content-length']).toBe(String(size));
    expect(response.bytes.equals(expected)).toBe(true);
    // What the publisher signed, byte for byte.
    const entries = async (bytes: Buffer) => new Map((await readArchiveEntries(bytes)).map((entry) => [entry.name, entry.data]));
    expect(await entries(response.bytes)).toEqual(await entries(await readFile(packFile)));

    // Once only; the prepared file goes.
    const second = await download(downloadId);
    expect(second.status).toBe(404);
    expect(JSON.parse(second.body)).toMatchObject({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors:transfer.unknownDownload' },
    });
    await vi.waitFor(() => expect(existsSync(prepared)).toBe(false));
  });

  it.each([randomBytes(16).toString('hex'), '..%2f..%2fsecret.txt', ''])(
    'says 404 for the download id %j it never gave out',
    async (id) => {
      const response = await download(id);
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    },
  );

  it('says which pack is not there to export', async () => {
    const response = await call('packs.export', { id: 'vn.test.khong-co' });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id', messageKey: 'packs:notInstalled', params: { id: 'vn.test.khong-co' } },
    });
  });
});
