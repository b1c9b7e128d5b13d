// The hub and sync commands of the built CLI, run as the province's IT and a district's IT
// would: `chieng hub publish|serve` on the hub folder, `chieng pack sync` on laptops.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { serveHub } from '../../../hub/hub-server';
import { hubPaths } from '../../../electron/core/packs/format/catalog';
import { craftArchive, readArchiveEntries } from '../../support/archive-crafting';
import { chiengAt, isolatedEnv, linesOf } from '../../support/cli-authoring';
import { chiengBin, type CliRun } from '../../support/cli-process';
import { changeFiles, imagePack, makeHubWorld, sha256Of, signCatalog, type HubWorld } from '../../support/hub-fixtures';
import { makePublisher } from '../../support/pack-fixtures';
import { rawRequest } from '../../support/raw-http';

let world: HubWorld;
let home: string;
let chieng: ReturnType<typeof chiengAt>;
let keyFiles: Awaited<ReturnType<HubWorld['writeKeyFiles']>>;

beforeAll(async () => {
  world = await makeHubWorld();
  home = path.join(world.work, 'home');
  await mkdir(home);
  chieng = chiengAt(home);
  keyFiles = await world.writeKeyFiles();
});
afterAll(() => world.remove());

let folders = 0;
const freshDir = async (name: string) => {
  folders += 1;
  const dir = path.join(world.work, `${name}-${folders}`);
  await mkdir(dir, { recursive: true });
  return dir;
};

/** A refusal: one line on stderr, nothing on stdout, exit code 1; the line. */
function refused(run: CliRun): string {
  expect(run.stdout).toBe('');
  const lines = linesOf(run.stderr);
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.code).toBe(1);
  return lines[0] ?? '';
}

async function hubListing(dir: string): Promise<string[]> {
  const names: string[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      if (entry.isDirectory()) await walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      else names.push(`${prefix}${entry.name}`);
    }
  };
  await walk(dir, '');
  return names.sort();
}

/** A laptop's data folder that trusts the world's root. */
async function laptopDir(): Promise<string> {
  const dataDir = await freshDir('laptop');
  const added = await chieng(['trust', 'add', keyFiles.rootFile, '--data-dir', dataDir]);
  expect(added.code, added.stderr).toBe(0);
  return dataDir;
}

const publishArgs = (hubDir: string) => ['--dir', hubDir, '--key', keyFiles.hubKey, '--trust', keyFiles.rootsDir];

describe('chieng hub publish', () => {
  it('adds a pack and says how much was new, and adds only new files the second time', async () => {
    const hubDir = await freshDir('hub');
    const v1 = imagePack('vn.test.cong-bo', 1, 3, () => 4_000, 'Công bố thử nghiệm');
    const file = await world.build(v1);
    const first = await chieng(['hub', 'publish', file, ...publishArgs(hubDir)]);
    expect(first.stderr).toBe('');
    expect(linesOf(first.stdout)).toEqual([
      `Đã thêm ${path.basename(file)} (vn.test.cong-bo) vào máy chủ: 3 tệp mới, danh mục phiên bản 1.`,
    ]);
    const v2 = await world.build(changeFiles(v1, [1]));
    const second = await chieng(['hub', 'publish', v2, ...publishArgs(hubDir), '--json']);
    expect(JSON.parse(second.stdout)).toEqual({ catalogVersion: 2, added: 1, packs: 1 });
    const listing = await hubListing(hubDir);
    expect(listing.filter((name) => name.startsWith('objects/'))).toHaveLength(4);
    expect(listing).toEqual(
      expect.arrayContaining([
        'catalog.json',
        'packs/vn.test.cong-bo/1/manifest.json',
        'packs/vn.test.cong-bo/2/manifest.sig',
        'packs/vn.test.cong-bo/2/publisher.json',
      ]),
    );
    expect(listing.some((name) => name.endsWith('.part'))).toBe(false);
  });

  it('refuses a pack outside the prefixes the hub key may publish, and changes nothing', async () => {
    const hubDir = await freshDir('hub');
    await chieng(['hub', 'publish', await world.build(imagePack('vn.test.co-san', 1, 1, () => 1_000)), ...publishArgs(hubDir)]);
    const before = await hubListing(hubDir);
    const catalog = await readFile(path.join(hubDir, 'catalog.json'), 'utf8');
    // A publisher the root allows for `vn.khac.`: a valid pack, but not this hub's to publish.
    const elsewhere = makePublisher(world.root, { prefixes: ['vn.khac.'] });
    const file = await world.build({ id: 'vn.khac.tai-lieu', version: 1 }, elsewhere);
    expect(refused(await chieng(['hub', 'publish', file, ...publishArgs(hubDir)]))).toBe(
      'chieng: Khóa của máy chủ không được phép đăng gói “vn.khac.tai-lieu” (chỉ: vn.test.).',
    );
    expect(await hubListing(hubDir)).toEqual(before);
    expect(await readFile(path.join(hubDir, 'catalog.json'), 'utf8')).toBe(catalog);
  });

  it('refuses a tampered pack, naming the file, and changes nothing', async () => {
    const hubDir = await freshDir('hub');
    const pack = imagePack('vn.test.bi-sua', 1, 2, () => 3_000, 'Gói bị sửa');
    const entries = await readArchiveEntries(await readFile(await world.build(pack)));
    const target = `objects/${sha256Of(pack.files[1]?.content ?? '')}`;
    const tampered = path.join(world.work, 'bi-sua.chieng');
    await writeFile(
      tampered,
      await craftArchive(
        entries.map((entry) => (entry.name === target ? { ...entry, data: Buffer.from(entry.data).fill(9, 100, 200) } : entry)),
      ),
    );
    expect(refused(await chieng(['hub', 'publish', tampered, ...publishArgs(hubDir)]))).toBe(
      'chieng: Không cài được “Gói bị sửa”: tệp “images/anh-2.png” đã bị sửa đổi (không khớp mã kiểm tra đã ký).',
    );
    expect(await hubListing(hubDir)).toEqual([]);
  });

  it('refuses a pack whose signature no trusted root vouches for', async () => {
    const hubDir = await freshDir('hub');
    const file = await world.build({ id: 'vn.test.la', version: 1 });
    const emptyRoots = await freshDir('no-roots');
    expect(refused(await chieng(['hub', 'publish', file, '--dir', hubDir, '--key', keyFiles.hubKey, '--trust', emptyRoots]))).toMatch(
      /^chieng: Không cài được “vn.test.la-v1-[a-z0-9]+.chieng”: được ký bởi một khóa không được tin cậy trên máy này \([0-9a-f]{32}\)\.$/u,
    );
    expect(await hubListing(hubDir)).toEqual([]);
  });
});

describe('chieng pack sync', () => {
  it(
    'syncs with progress on stderr and one Vietnamese line per pack, remembers the hub, and answers in JSON',
    { timeout: 120_000 },
    async () => {
      // Enough files that a sync makes many requests (and so would show a listener leak's warning).
      const v1 = imagePack('vn.test.dong-bo', 1, 24, (index) => 20_000 + index * 500, 'Tài liệu đồng bộ');
      const hubDir = await freshDir('hub');
      const published = await chieng(['hub', 'publish', await world.build(v1), ...publishArgs(hubDir)]);
      expect(published.code, published.stderr).toBe(0);
      const hub = await serveHub(hubDir, 0, '127.0.0.1');
      onTestFinished(() => hub.close());
      const dataDir = await laptopDir();

      const run = await chieng(['pack', 'sync', '--hub', hub.url, '--data-dir', dataDir]);
      expect(run.code, run.stderr).toBe(0);
      expect(linesOf(run.stdout)).toEqual(['Đã cài “Tài liệu đồng bộ” (phiên bản 1).']);
      const progress = linesOf(run.stderr);
      expect(progress.length).toBeGreaterThan(0);
      // Every line on stderr is a progress line (no warnings), the last one complete.
      for (const line of progress)
        expect(line).toMatch(
          /^Tài liệu đồng bộ: [\d.,]+ (B|kB|KB|MB) \/ [\d.,]+ (kB|KB|MB) · \d+\/24 tệp · [\d.,]+ (B|kB|KB|MB)\/giây( · còn khoảng \d+ (giây|phút))?$/u,
        );
      expect(progress.at(-1)).toMatch(/ · 24\/24 tệp · /u);

      const listed = await chieng(['pack', 'list', '--data-dir', dataDir, '--json']);
      expect((JSON.parse(listed.stdout) as { packs: { id: string; version: number; official: boolean }[] }).packs).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: 'vn.test.dong-bo', version: 1, official: true })]),
      );

      // The hub is remembered; an update arrives as JSON, with nothing on stderr.
      await chieng(['hub', 'publish', await world.build(changeFiles(v1, [5])), ...publishArgs(hubDir)]);
      const update = await chieng(['pack', 'sync', '--data-dir', dataDir, '--json']);
      expect(update.stderr).toBe('');
      expect(update.code).toBe(0);
      expect(linesOf(update.stdout)).toHaveLength(1);
      expect(JSON.parse(update.stdout)).toEqual({
        catalog: {
          status: 'ok',
          version: 2,
          knownVersion: 1,
          issuedAt: expect.any(String) as string,
          expiresAt: expect.any(String) as string,
        },
        cancelled: false,
        results: [{ id: 'vn.test.dong-bo', title: 'Tài liệu đồng bộ', status: 'updated', version: 2 }],
      });

      const again = await chieng(['pack', 'sync', '--data-dir', dataDir]);
      expect([again.code, again.stderr, linesOf(again.stdout)]).toEqual([0, '', ['Không có gì mới. Máy này đã có đủ các gói của tỉnh.']]);
    },
  );

  it('says in one line that the laptop is offline, and exits 1', async () => {
    const dataDir = await laptopDir();
    expect(refused(await chieng(['pack', 'sync', '--hub', 'http://chieng-hub.invalid/', '--data-dir', dataDir]))).toBe(
      'chieng: Máy đang không có mạng. Chiêng vẫn dùng bình thường với các gói đã có; hãy đồng bộ khi có mạng.',
    );
    // In English when asked.
    expect(refused(await chieng(['pack', 'sync', '--data-dir', dataDir], { CHIENG_LANG: 'en' }))).toMatch(/^chieng: .*offline/iu);
  });

  it('refuses a hub address that is not http(s), and asks for one when none is set', async () => {
    const dataDir = await laptopDir();
    expect(refused(await chieng(['pack', 'sync', '--hub', 'ftp://hub.daklak.invalid/', '--data-dir', dataDir]))).toMatch(
      /^chieng: hubUrl: /u,
    );
    expect(refused(await chieng(['pack', 'sync', '--data-dir', dataDir]))).toBe('chieng: hubUrl: Chưa đặt địa chỉ máy chủ của tỉnh.');
  });

  it('says a stale catalog was refused, and changes nothing', async () => {
    const dataDir = await laptopDir();
    await world.publish(imagePack('vn.test.cu-moi', 1, 1, () => 1_000));
    await world.publish(imagePack('vn.test.cu-moi', 2, 1, () => 1_000));
    const hub = await world.serveScripted();
    const synced = await chieng(['pack', 'sync', '--hub', hub.url, '--data-dir', dataDir, '--json']);
    expect(synced.code, synced.stderr).toBe(0);
    const known = (JSON.parse(synced.stdout) as { catalog: { version: number } }).catalog.version;
    hub.script(hubPaths.catalog, {
      kind: 'body',
      body: signCatalog(world.signer, { version: known - 1 }),
      contentType: 'application/json',
    });
    expect(refused(await chieng(['pack', 'sync', '--data-dir', dataDir]))).toBe(
      `chieng: Máy chủ trả về danh mục cũ (phiên bản ${known - 1}, máy này đã có ${known}). Có thể đường truyền đã bị can thiệp; Chiêng giữ nguyên những gì đang có.`,
    );
    const listed = await chieng(['pack', 'list', '--data-dir', dataDir, '--json']);
    expect((JSON.parse(listed.stdout) as { packs: { id: string; version: number }[] }).packs).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'vn.test.cu-moi', version: 2 })]),
    );
  });

  it('exits 1 when a pack could not be installed, after saying why', async () => {
    const hubDir = await freshDir('hub');
    await chieng([
      'hub',
      'publish',
      await world.build(imagePack('vn.test.khong-ghi-duoc', 1, 1, () => 2_000, 'Không ghi được')),
      ...publishArgs(hubDir),
    ]);
    const hub = await serveHub(hubDir, 0, '127.0.0.1');
    try {
      const dataDir = await laptopDir();
      // The folder where installed packs are kept cannot be written (here: a file stands in its way).
      await rm(path.join(dataDir, 'packs'), { recursive: true, force: true });
      await writeFile(path.join(dataDir, 'packs'), 'not a folder');
      const run = await chieng(['pack', 'sync', '--hub', hub.url, '--data-dir', dataDir]);
      expect(linesOf(run.stdout)).toEqual([
        expect.stringMatching(/^Không cài được “Không ghi được”: lỗi khi ghi vào ổ đĩa \(E[A-Z]+\); gói đang dùng vẫn giữ nguyên\.$/u),
      ]);
      expect(run.code).toBe(1);
    } finally {
      await hub.close();
    }
  });
});

describe('chieng hub serve', () => {
  it(
    'serves the hub folder with byte ranges, refuses what it cannot satisfy, and never leaves the folder',
    { timeout: 60_000 },
    async () => {
      const hubDir = await freshDir('hub');
      const pack = imagePack('vn.test.phuc-vu', 1, 1, () => 100_000);
      await chieng(['hub', 'publish', await world.build(pack), ...publishArgs(hubDir)]);
      await writeFile(path.join(world.work, 'bi-mat.txt'), 'outside the hub');
      const content = pack.files[0]?.content ?? Buffer.alloc(0);
      const object = `/${hubPaths.object(sha256Of(content))}`;

      const child = spawn(process.execPath, [chiengBin, 'hub', 'serve', '--dir', hubDir, '--port', '0', '--host', '127.0.0.1', '--json'], {
        env: { ...process.env, ...isolatedEnv(home) },
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const exited = once(child, 'exit');
      try {
        const [line] = (await Promise.race([
          once(createInterface({ input: child.stdout }), 'line'),
          exited.then(() => {
            throw new Error(`chieng hub serve exited early: ${stderr}`);
          }),
        ])) as [string];
        const { url, port } = JSON.parse(line) as { url: string; port: number };
        expect(url).toBe(`http://127.0.0.1:${port}/`);

        const catalog = await rawRequest(port, { path: '/catalog.json' });
        expect(catalog.status).toBe(200);
        expect(catalog.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(catalog.headers['cache-control']).toBe('no-cache');
        expect(JSON.parse(catalog.body)).toMatchObject({ format: 'chieng-catalog-file/1' });

        const whole = await rawRequest(port, { path: object });
        expect([whole.status, whole.headers['accept-ranges'], whole.headers['cache-control'], whole.bytes.equals(content)]).toEqual([
          200,
          'bytes',
          'public, max-age=31536000, immutable',
          true,
        ]);

        const middle = await rawRequest(port, { path: object, headers: { Range: 'bytes=1000-1999' } });
        expect([middle.status, middle.headers['content-range'], middle.headers['content-length']]).toEqual([
          206,
          `bytes 1000-1999/${content.length}`,
          '1000',
        ]);
        expect(middle.bytes.equals(content.subarray(1000, 2000))).toBe(true);
        const rest = await rawRequest(port, { path: object, headers: { Range: 'bytes=60000-' } });
        expect([rest.status, rest.headers['content-range'], rest.bytes.equals(content.subarray(60000))]).toEqual([
          206,
          `bytes 60000-${content.length - 1}/${content.length}`,
          true,
        ]);
        const tail = await rawRequest(port, { path: object, headers: { Range: 'bytes=-10' } });
        expect([tail.status, tail.bytes.equals(content.subarray(-10))]).toEqual([206, true]);

        for (const range of [`bytes=${content.length}-`, `bytes=${content.length + 5}-${content.length + 10}`, 'bytes=-']) {
          const beyond = await rawRequest(port, { path: object, headers: { Range: range } });
          expect([range, beyond.status, beyond.headers['content-range'], beyond.body]).toEqual([
            range,
            416,
            `bytes */${content.length}`,
            '',
          ]);
        }

        for (const escape of [
          '/../bi-mat.txt',
          '/objects/../../bi-mat.txt',
          '/%2e%2e/bi-mat.txt',
          '/objects%2f..%2f..%2fbi-mat.txt',
          '/objects/..%5c..%5cbi-mat.txt',
        ]) {
          const answer = await rawRequest(port, { path: escape });
          expect([escape, answer.status]).toEqual([escape, 400]);
          expect(answer.body).not.toContain('outside the hub');
        }
        await expect(rawRequest(port, { path: '/khong-co.json' })).resolves.toMatchObject({ status: 404 });
        await expect(rawRequest(port, { method: 'POST', path: '/catalog.json', body: '{}' })).resolves.toMatchObject({ status: 405 });
        const head = await rawRequest(port, { method: 'HEAD', path: object });
        expect([head.status, head.headers['content-length'], head.body]).toEqual([200, String(content.length), '']);
      } finally {
        child.kill('SIGTERM');
        const [code] = (await exited) as [number | null];
        expect(code).toBe(0);
        expect(stderr).toBe('');
      }
    },
  );
});
