// Every bad pack from the issue: refused with a reason and the pack's name, nothing
// installed, the previous version intact, nothing left behind.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signBytes } from '../../../electron/core/packs/crypto/ed25519';
import { PackRefusal, type RefusalReason } from '../../../electron/core/packs/pack-refusal';
import type { PackService } from '../../../electron/core/packs/pack-service';
import { createTranslator } from '../../../electron/core/i18n/translator';
import { craftArchive, readArchiveEntries, type CraftedEntry } from '../../support/archive-crafting';
import { buildTestPack, makePublisher, makeRevocations, makeRoot, type TestPublisher } from '../../support/pack-fixtures';
import { packHarness, type PackHarness } from '../../support/pack-service-harness';

let h: PackHarness;
let packs: PackService;
let v1: string;

beforeEach(async () => {
  h = await packHarness();
  packs = await h.open();
  v1 = await buildTestPack(h.work, h.publisher, { version: 1, title: 'Gói thử nghiệm' });
  await packs.importFile(v1, 'v1.chieng');
});
afterEach(() => h.remove());

async function storeFiles(): Promise<string[]> {
  const objects = path.join(h.dataDir, 'store', 'objects');
  const names: string[] = [];
  for (const prefix of await readdir(objects).catch(() => [] as string[])) names.push(...(await readdir(path.join(objects, prefix))));
  return names.sort();
}

/** Imports `file`, expects the refusal, then checks version 1 is exactly as it was. */
async function expectRefused(file: string, reason: RefusalReason, expectedParams: Record<string, unknown> = {}): Promise<PackRefusal> {
  const before = { files: await storeFiles(), list: await packs.list() };
  const error = await packs.importFile(file, path.basename(file)).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error, 'should have been refused').toBeInstanceOf(PackRefusal);
  const refusal = error as PackRefusal;
  expect(refusal.reason).toBe(reason);
  expect(refusal.params).toMatchObject(expectedParams);
  // The reason, in words, naming the pack.
  const sentence = createTranslator('vi').t(refusal.messageKey, refusal.params);
  expect(sentence).toContain(String(refusal.params.pack));
  expect(sentence).not.toMatch(/\{\{|packs:/);
  // Nothing changed: same version listed, same files, no staging left.
  expect(await packs.list()).toEqual(before.list);
  expect(await storeFiles()).toEqual(before.files);
  await expect(readdir(path.join(h.dataDir, 'store', 'staging')).catch(() => [])).resolves.toEqual([]);
  return refusal;
}

async function rebuild(file: string, change: (entries: CraftedEntry[]) => CraftedEntry[]): Promise<string> {
  const entries = await readArchiveEntries(await readFile(file));
  const out = `${file}.crafted-${Math.random().toString(36).slice(2)}.chieng`;
  await writeFile(out, await craftArchive(change(entries)));
  return out;
}

/** Rewrites the manifest and signs it again with `publisher`'s key (and its certificate). */
async function resigned(file: string, publisher: TestPublisher, edit: (manifest: Record<string, unknown>) => void): Promise<string> {
  return rebuild(file, (entries) => {
    const manifest = JSON.parse(entries.find((entry) => entry.name === 'manifest.json')?.data.toString('utf8') ?? '{}') as Record<
      string,
      unknown
    >;
    edit(manifest);
    manifest.publisherKeyId = publisher.secret.keyId;
    const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    const replace: Record<string, Buffer> = {
      'manifest.json': bytes,
      'manifest.sig': Buffer.from(JSON.stringify(signBytes(bytes, publisher.secret))),
      'publisher.json': Buffer.from(publisher.certificate.text),
      'publisher.sig': Buffer.from(JSON.stringify(publisher.certificate.signature)),
    };
    return entries.map((entry) => ({ ...entry, data: replace[entry.name] ?? entry.data }));
  });
}

/** Version 2 with a video larger than the install reads into memory at once, so it streams. */
const largeVideoPack = () =>
  buildTestPack(h.work, h.publisher, {
    version: 2,
    items: [{ id: 'video', kind: 'video', languages: ['vi'], files: [{ path: 'huong-dan.mp4', content: largeVideo() }] }],
  });

/** 9 MB that read as an MP4 (its `ftyp` box at byte 4); the rest is filler. */
function largeVideo(): Buffer {
  const bytes = Buffer.alloc(9 * 1024 * 1024, 0x2a);
  bytes.write('ftypisom', 4, 'ascii');
  return bytes;
}

const v2 = () =>
  buildTestPack(h.work, h.publisher, {
    version: 2,
    items: [{ id: 'moi', kind: 'article', languages: ['vi'], files: [{ path: 'moi.md', content: '# Bài mới, nội dung mới\n' }] }],
  });

describe('a refused pack changes nothing', () => {
  it('refuses a tampered file, naming it', async () => {
    const file = await rebuild(await v2(), (entries) =>
      entries.map((entry) =>
        entry.name.startsWith('objects/') ? { ...entry, data: Buffer.from(entry.data.toString('utf8').replace('mới', 'giả')) } : entry,
      ),
    );
    await expectRefused(file, 'fileTampered', { pack: 'Gói thử nghiệm', path: 'moi.md' });
  });

  it('refuses a tampered manifest', async () => {
    const file = await rebuild(await v2(), (entries) =>
      entries.map((entry) =>
        entry.name === 'manifest.json'
          ? { ...entry, data: Buffer.from(entry.data.toString('utf8').replace('"version": 2', '"version": 9')) }
          : entry,
      ),
    );
    await expectRefused(file, 'badSignature', { document: 'manifest.json' });
  });

  it('refuses a pack signed under a root this laptop does not trust', async () => {
    const stranger = makePublisher(await makeRoot(path.join(h.work, 'other-roots')));
    await expectRefused(await buildTestPack(h.work, stranger, { version: 2 }), 'unknownRoot');
  });

  it('refuses a publisher whose key has expired', async () => {
    const expired = makePublisher(h.root, { issuedAt: new Date('2020-01-01'), expiresAt: new Date('2021-01-01') });
    await expectRefused(await buildTestPack(h.work, expired, { version: 2 }), 'expiredKey');
  });

  it('refuses a revoked publisher, and remembers the revocation for later packs', async () => {
    const leaked = makePublisher(h.root);
    const revocations = makeRevocations(h.root, [leaked.secret.keyId]);
    await expectRefused(await buildTestPack(h.work, leaked, { version: 2 }, { revocations }), 'revokedKey');
    // The next pack by that key carries no list; the laptop still knows.
    await expectRefused(await buildTestPack(h.work, leaked, { version: 3 }), 'revokedKey');
    // Other keys of the same root still work.
    await expect(packs.importFile(await v2(), 'v2')).resolves.toMatchObject({ status: 'updated' });
  });

  it('refuses a pack id outside what the publisher may publish', async () => {
    const other = makePublisher(h.root, { prefixes: ['vn.other.'] });
    await expectRefused(await resigned(await v2(), other, () => undefined), 'prefixNotAllowed', { id: 'vn.test.covid19' });
  });

  it('refuses a certificate granting more than its root may', async () => {
    const narrowRoot = await makeRoot(path.join(h.work, 'narrow'), { prefixes: ['vn.daklak.'] });
    const service = await h.open({ builtInRoots: narrowRoot.dir, dataDir: path.join(h.work, 'data-narrow') });
    const wide = makePublisher(narrowRoot, { prefixes: ['vn.test.'] });
    await expect(service.importFile(await buildTestPack(h.work, wide), 'wide')).rejects.toMatchObject({
      reason: 'rootPrefixNotAllowed',
      params: { prefix: 'vn.test.' },
    });
  });

  it('refuses a rollback to an older version', async () => {
    await packs.importFile(await v2(), 'v2');
    await expectRefused(v1, 'rollback', { version: 1, installed: 2 });
  });

  it('refuses the same version with other content', async () => {
    const impostor = await buildTestPack(h.work, h.publisher, {
      version: 1,
      items: [{ id: 'khac', kind: 'article', languages: ['vi'], files: [{ path: 'khac.md', content: '# Khác\n' }] }],
    });
    await expectRefused(impostor, 'sameVersionOtherContent', { version: 1 });
  });

  it('refuses a truncated archive', async () => {
    const whole = await readFile(await v2());
    const cut = path.join(h.work, 'cut.chieng');
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expectRefused(cut, 'archiveUnreadable', { pack: 'cut.chieng' });
  });

  it.each([
    ['../../../../tmp/chieng-evil', 'unsafeEntry'],
    ['/tmp/chieng-evil-absolute', 'unsafeEntry'],
    ['objects\\..\\..\\evil-backslash', 'unsafeEntry'],
    ['notes/readme-not-signed.txt', 'unexpectedEntry'],
  ] as const)('refuses an archive entry named %s', async (name, reason) => {
    const file = await rebuild(await v2(), (entries) => [...entries, { name, data: Buffer.from('evil') }]);
    await expectRefused(file, reason);
    await expect(readFile('/tmp/chieng-evil')).rejects.toThrow();
  });

  it('refuses a symlink entry', async () => {
    const file = await rebuild(await v2(), (entries) =>
      entries.map((entry) => (entry.name.startsWith('objects/') ? { ...entry, data: Buffer.from('/etc/passwd'), mode: 0o120777 } : entry)),
    );
    await expectRefused(file, 'symlinkEntry');
  });

  it('refuses duplicate entry names', async () => {
    const file = await rebuild(await v2(), (entries) => [...entries, { name: 'manifest.json', data: Buffer.from('{}') }]);
    await expectRefused(file, 'duplicateEntry', { entry: 'manifest.json' });
  });

  it('refuses entries that inflate far beyond their signed size, without inflating them', async () => {
    const bomb = Buffer.alloc(64 * 1024 * 1024);
    const honest = await rebuild(await v2(), (entries) =>
      entries.map((entry) => (entry.name.startsWith('objects/') ? { ...entry, data: bomb, compress: true } : entry)),
    );
    await expectRefused(honest, 'fileTooLarge', { path: 'moi.md' });
    const signed =
      (await readArchiveEntries(await readFile(await v2()))).find((entry) => entry.name.startsWith('objects/'))?.data.length ?? 0;
    const lying = await rebuild(await v2(), (entries) =>
      entries.map((entry) => (entry.name.startsWith('objects/') ? { ...entry, data: bomb, compress: true, claimedSize: signed } : entry)),
    );
    const refusal = await expectRefused(lying, 'fileTooLarge');
    expect(refusal.params.path).toBe('moi.md');
  });

  it('refuses an unknown format version, signed or not', async () => {
    const future = await resigned(await v2(), h.publisher, (manifest) => {
      manifest.format = 2;
    });
    await expectRefused(future, 'unknownFormat', { format: '2' });
  });

  it('refuses to install when the disk fills up mid-install', async () => {
    const { writeFile: realWrite } = await import('node:fs/promises');
    let written = 0;
    packs = await h.open({
      storeWriter: {
        writeNewFile: async (file, bytes) => {
          written += bytes.length;
          if (written > 10) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          await realWrite(file, bytes, { flag: 'wx' });
        },
      },
    });
    await expectRefused(await v2(), 'diskFull');
  });

  it('refuses to install when the disk fills up while a large file streams in', async () => {
    const { createWriteStream } = await import('node:fs');
    const { Writable } = await import('node:stream');
    let written = 0;
    packs = await h.open({
      storeWriter: {
        createWriteStream: ((file: string, options: object) => {
          const real = createWriteStream(file, options);
          return new Writable({
            write(chunk: Buffer, _encoding, callback) {
              written += chunk.length;
              if (written > 1_000_000) callback(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
              else real.write(chunk, callback);
            },
            final(callback) {
              real.end(callback);
            },
            destroy(error, callback) {
              real.destroy();
              callback(error);
            },
          });
        }) as unknown as typeof createWriteStream,
      },
    });
    await expectRefused(await largeVideoPack(), 'diskFull');
  });

  it('refuses to start an install that cannot fit', async () => {
    packs = await h.open({ freeBytes: () => Promise.resolve(5) });
    const refusal = await expectRefused(await v2(), 'diskFull');
    expect(refusal.params.free).toBe(5);
  });
});
