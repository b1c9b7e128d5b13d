import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPackArchive } from '../../../electron/core/packs/archive/pack-archive-reader';
import { planInstall, prepareInstall } from '../../../electron/core/packs/install/install-signed-pack';
import { readSignedPack } from '../../../electron/core/packs/install/read-signed-pack';
import { openPackService } from '../../../electron/core/packs/pack-service';
import { buildTestPack, defaultItems, makePublisher, makeRoot } from '../../support/pack-fixtures';
import { packHarness, type PackHarness } from '../../support/pack-service-harness';

let h: PackHarness;
beforeEach(async () => {
  h = await packHarness();
});
afterEach(() => h.remove());

const shared = {
  path: 'images/logo.png',
  content: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(5000, 1)]),
};

async function objectCount(dataDir: string): Promise<number> {
  const objects = path.join(dataDir, 'store', 'objects');
  let count = 0;
  for (const prefix of await readdir(objects).catch(() => [] as string[])) count += (await readdir(path.join(objects, prefix))).length;
  return count;
}

describe('installing a pack', () => {
  it('verifies, installs, lists it as official, and keeps nothing in staging', async () => {
    const packs = await h.open();
    const file = await buildTestPack(h.work, h.publisher);
    await expect(packs.importFile(file, 'goi.chieng')).resolves.toMatchObject({
      status: 'installed',
      id: 'vn.test.covid19',
      version: 1,
      title: 'Gói thử nghiệm',
    });
    const { packs: listed } = await packs.list();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      id: 'vn.test.covid19',
      official: true,
      trust: 'ok',
      expired: false,
      itemCount: 1,
      languages: ['vi'],
      root: { role: 'official' },
    });
    await expect(readdir(path.join(h.dataDir, 'store', 'staging')).catch(() => [])).resolves.toEqual([]);
  });

  it('installs where the system cannot flush a whole file system at once, file by file', async () => {
    const { createWriteStream } = await import('node:fs');
    const packs = await h.open({ storeWriter: { createWriteStream, flush: () => Promise.resolve(false) } });
    await expect(packs.importFile(await buildTestPack(h.work, h.publisher), 'a')).resolves.toMatchObject({ status: 'installed' });
    expect(await objectCount(h.dataDir)).toBe(1);
  });

  it('installs small files and a file too large to read in whole, each byte for byte', async () => {
    const video = Buffer.alloc(9 * 1024 * 1024, 0x2a);
    video.write('ftypisom', 4, 'ascii');
    const packs = await h.open();
    const file = await buildTestPack(h.work, h.publisher, {
      items: [
        ...defaultItems,
        { id: 'video', kind: 'video', languages: ['vi'], files: [{ path: 'huong-dan.mp4', content: video }] },
        { id: 'logo', kind: 'image', languages: ['vi'], files: [shared] },
      ],
    });
    await expect(packs.importFile(file, 'a')).resolves.toMatchObject({ status: 'installed' });
    for (const content of [video, shared.content]) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      expect((await readFile(path.join(h.dataDir, 'store', 'objects', sha256.slice(0, 2), sha256))).equals(content)).toBe(true);
    }
    expect(await objectCount(h.dataDir)).toBe(3);
  });

  it('moves files one by one into fan-out folders the store already fills', async () => {
    // Every fan-out folder already holds another file, so none can be moved in whole.
    const objects = path.join(h.dataDir, 'store', 'objects');
    for (let prefix = 0; prefix < 256; prefix += 1) {
      const folder = path.join(objects, prefix.toString(16).padStart(2, '0'));
      await mkdir(folder, { recursive: true });
      await writeFile(path.join(folder, 'khac'), 'x');
    }
    const packs = await h.open();
    const file = await buildTestPack(h.work, h.publisher, {
      items: [...defaultItems, { id: 'logo', kind: 'image', languages: ['vi'], files: [shared] }],
    });
    await expect(packs.importFile(file, 'a')).resolves.toMatchObject({ status: 'installed' });
    const sha256 = createHash('sha256').update(shared.content).digest('hex');
    expect((await readFile(path.join(objects, sha256.slice(0, 2), sha256))).equals(shared.content)).toBe(true);
    // The other files are no pack's: collected once the install is done.
    expect(await objectCount(h.dataDir)).toBe(2);
    await expect(readdir(path.join(h.dataDir, 'store', 'staging')).catch(() => [])).resolves.toEqual([]);
  });

  it('says plainly when the file is not there', async () => {
    const packs = await h.open();
    await expect(packs.importFile(path.join(h.work, 'khong-co.chieng'), 'khong-co.chieng')).rejects.toMatchObject({
      reason: 'fileNotFound',
      params: { pack: 'khong-co.chieng' },
    });
  });

  it('says an identical pack is already installed and changes nothing', async () => {
    const packs = await h.open();
    const file = await buildTestPack(h.work, h.publisher);
    await packs.importFile(file, 'a');
    const pointer = await stat(path.join(h.dataDir, 'packs', 'vn.test.covid19', 'current.json'));
    await expect(packs.importFile(file, 'a')).resolves.toMatchObject({ status: 'unchanged' });
    expect((await stat(path.join(h.dataDir, 'packs', 'vn.test.covid19', 'current.json'))).mtimeMs).toBe(pointer.mtimeMs);
  });

  it('updates to a newer version and drops files no version needs any more', async () => {
    const packs = await h.open();
    await packs.importFile(await buildTestPack(h.work, h.publisher, { version: 1 }), 'v1');
    const v2 = await buildTestPack(h.work, h.publisher, {
      version: 2,
      items: [{ id: 'moi', kind: 'article', languages: ['vi'], files: [{ path: 'a.md', content: '# Mới\n' }] }],
    });
    await expect(packs.importFile(v2, 'v2')).resolves.toMatchObject({ status: 'updated', version: 2, previousVersion: 1 });
    expect(await objectCount(h.dataDir)).toBe(1);
    await expect(readdir(path.join(h.dataDir, 'packs', 'vn.test.covid19'))).resolves.toEqual(['current.json', 'v2']);
  });

  it('keeps a file shared by two packs once, and until neither needs it', async () => {
    const packs = await h.open();
    const items = (name: string) => [{ id: name, kind: 'image', languages: ['vi'], files: [shared] }];
    await packs.importFile(await buildTestPack(h.work, h.publisher, { id: 'vn.test.one', items: items('mot') }), 'one');
    await packs.importFile(await buildTestPack(h.work, h.publisher, { id: 'vn.test.two', items: items('hai') }), 'two');
    expect(await objectCount(h.dataDir)).toBe(1);
    const listed = (await packs.list()).packs;
    expect(listed.map((pack) => [pack.id, pack.diskBytes, pack.sharedBytes])).toEqual([
      ['vn.test.one', shared.content.length, shared.content.length],
      ['vn.test.two', shared.content.length, shared.content.length],
    ]);
    await expect(packs.remove('vn.test.one')).resolves.toEqual({ id: 'vn.test.one', freedBytes: 0 });
    expect(await objectCount(h.dataDir)).toBe(1);
    await expect(packs.remove('vn.test.two')).resolves.toEqual({ id: 'vn.test.two', freedBytes: shared.content.length });
    expect(await objectCount(h.dataDir)).toBe(0);
  });

  it('exports a pack that another laptop verifies and installs, signatures intact', async () => {
    const packs = await h.open();
    await packs.importFile(
      await buildTestPack(h.work, h.publisher, {
        items: [...defaultItems, { id: 'anh', kind: 'image', languages: ['vi'], files: [shared] }],
      }),
      'a',
    );
    const exported = path.join(h.work, 'usb', 'exported.chieng');
    await mkdir(path.dirname(exported));
    await packs.exportTo('vn.test.covid19', exported);
    const other = await openPackService({ dataDir: path.join(h.work, 'laptop-2'), builtInRoots: h.root.dir, onDamaged: () => undefined });
    await expect(other.importFile(exported, 'exported.chieng')).resolves.toMatchObject({ status: 'installed', id: 'vn.test.covid19' });
    expect((await other.list()).packs[0]).toMatchObject({ itemCount: 2, official: true });
  });

  it('shows packs under a demo root as demo, never official', async () => {
    const demoRoot = await makeRoot(path.join(h.work, 'demo-roots'), { role: 'demo', prefixes: ['vn.test.'] });
    const packs = await openPackService({ dataDir: h.dataDir, builtInRoots: demoRoot.dir, onDamaged: () => undefined });
    await packs.importFile(await buildTestPack(h.work, makePublisher(demoRoot)), 'demo');
    expect((await packs.list()).packs[0]).toMatchObject({ official: false, root: { role: 'demo' }, trust: 'ok' });
  });

  it('installs the embedded packs once, and not again after the user removed them', async () => {
    const embedded = path.join(h.work, 'embedded');
    await mkdir(embedded);
    const file = await buildTestPack(h.work, h.publisher);
    await copyFile(file, path.join(embedded, 'vn.test.covid19-v1.chieng'));
    const packs = await h.open();
    await expect(packs.offerEmbedded(embedded)).resolves.toHaveLength(1);
    await packs.remove('vn.test.covid19');
    await expect(packs.offerEmbedded(embedded)).resolves.toHaveLength(0);
    expect((await packs.list()).packs).toHaveLength(0);
  });
});

describe('an install prepared, staged by its carrier, then committed', () => {
  /** Version 1 installed, version 2 (two files, one new) prepared from its archive's signed documents. */
  async function preparedUpdate() {
    const packs = await h.open();
    const article = (text: string) => ({ path: 'articles/bai.md', content: `# Bài\n\n${text}\n` });
    const spec = (version: number, text: string) => ({
      version,
      items: [
        { id: 'bai', kind: 'article', languages: ['vi'], title: 'Bài', files: [article(text)] },
        { id: 'logo', kind: 'image', languages: ['vi'], title: 'Logo', files: [shared] },
      ],
    });
    await packs.importFile(await buildTestPack(h.work, h.publisher, spec(1, 'Bản một.')), 'v1.chieng');
    const archive = await openPackArchive(await buildTestPack(h.work, h.publisher, spec(2, 'Bản hai.')), 'v2.chieng');
    const pack = await readSignedPack(archive, packs.trust, 'v2.chieng');
    archive.close();
    const plan = await planInstall(packs.installServices, pack);
    if (plan.kind !== 'install') throw new Error('nothing to install');
    const prepared = await prepareInstall(packs.installServices, pack, plan);
    const [needed] = prepared.needed;
    if (!needed || prepared.needed.length !== 1) throw new Error('expected one new file');
    return { packs, prepared, needed, content: Buffer.from(article('Bản hai.').content) };
  }

  const expectVersion1 = async (packs: Awaited<ReturnType<typeof h.open>>) => {
    expect((await packs.list()).packs.map((pack) => [pack.id, pack.version])).toEqual([['vn.test.covid19', 1]]);
    await expect(readdir(path.join(h.dataDir, 'store', 'staging')).catch(() => [])).resolves.toEqual([]);
  };

  it('commits only once every needed file was staged, and leaves the previous version in use otherwise', async () => {
    const { packs, prepared, needed } = await preparedUpdate();
    await expect(prepared.commit()).rejects.toMatchObject({ reason: 'missingFile', params: { path: needed.path } });
    await expectVersion1(packs);
  });

  it('refuses a file whose bytes are not the signed ones, and never commits it', async () => {
    const { packs, prepared, needed, content } = await preparedUpdate();
    await expect(prepared.receiveBytes(needed, Buffer.from(content).fill(0x21, 5, 10))).rejects.toMatchObject({
      reason: 'fileTampered',
      params: { path: needed.path },
    });
    await expect(prepared.commit()).rejects.toMatchObject({ reason: 'missingFile' });
    await expectVersion1(packs);
  });

  it('switches to the new version at the commit, and not before', async () => {
    const { packs, prepared, needed, content } = await preparedUpdate();
    await prepared.receiveBytes(needed, content);
    expect((await packs.list()).packs.map((pack) => [pack.id, pack.version])).toEqual([['vn.test.covid19', 1]]);
    await expect(prepared.commit()).resolves.toMatchObject({ status: 'updated', version: 2, previousVersion: 1 });
    expect((await packs.list()).packs.map((pack) => [pack.id, pack.version])).toEqual([['vn.test.covid19', 2]]);
    await expect(readdir(path.join(h.dataDir, 'store', 'staging'))).resolves.toEqual([]);
    await expect(prepared.receiveBytes(needed, content)).rejects.toThrow(/no longer open/);
  });

  it('leaves the previous version as it was when discarded', async () => {
    const { packs, prepared, needed, content } = await preparedUpdate();
    await prepared.receiveBytes(needed, content);
    await prepared.discard();
    await expectVersion1(packs);
    expect(await objectCount(h.dataDir)).toBe(2);
  });
});
