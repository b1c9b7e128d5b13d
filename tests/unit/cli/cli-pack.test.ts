// The pack commands of the built CLI, run exactly as a publisher, district IT or a commune
// officer would run them: real keys, real files, real data folders, real processes.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { craftArchive, readArchiveEntries } from '../../support/archive-crafting';
import {
  chiengAt,
  isolatedEnv,
  linesOf,
  makeKeysWithCli,
  pngBytes,
  spawnChieng,
  storeObjects,
  writePackSource,
  type CliKeys,
  type SourceItem,
} from '../../support/cli-authoring';
import { repoRoot, type CliRun } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let home: string;
let chieng: ReturnType<typeof chiengAt>;
let keys: CliKeys;

beforeAll(async () => {
  temp = await makeTempDir('chieng-cli-pack');
  home = path.join(temp.dir, 'home');
  await mkdir(home);
  chieng = chiengAt(home);
  keys = await makeKeysWithCli(path.join(temp.dir, 'keys'), chieng);
});
afterAll(() => temp.remove());

const workDir = () => mkdtemp(path.join(temp.dir, 'work-'));

/** A command that worked: exit 0, nothing on stderr; its lines. */
function succeeded(run: CliRun): string[] {
  expect(run.stderr, run.stderr).toBe('');
  expect(run.code).toBe(0);
  return linesOf(run.stdout);
}

/** A `--json` command: exactly one line on stdout, and it is JSON. */
function jsonOf<T>(run: CliRun): T {
  const lines = succeeded(run);
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as T;
}

/** A refusal: one line on stderr, nothing on stdout, a non-zero exit code; the line. */
function refused(run: CliRun, code = 1): string {
  expect(run.code).toBe(code);
  expect(run.stdout).toBe('');
  const lines = linesOf(run.stderr);
  expect(lines, run.stderr).toHaveLength(1);
  return lines[0] ?? '';
}

const packTitle = 'Phòng, chống COVID-19 (thử nghiệm)';
const packId = 'vn.test.covid19';
const article =
  '# Thông điệp 5K\n\nKhẩu trang – Khử khuẩn – Khoảng cách – Không tập trung – Khai báo y tế.\n\n![Thông điệp 5K](../images/5k.png)\n';
const articleItems: SourceItem[] = [
  {
    id: 'thong-diep-5k',
    kind: 'article',
    title: 'Thông điệp 5K',
    files: [
      { path: 'articles/5k.vi.md', content: article, language: 'vi' },
      { path: 'images/5k.png', content: pngBytes() },
    ],
  },
];

/** Builds the article pack with `chieng pack build`; the archive's path. */
async function buildArticlePack(work: string, version = 1): Promise<string> {
  const source = await writePackSource(path.join(work, `src-v${version}`), { id: packId, version, title: packTitle }, articleItems);
  const out = path.join(work, `covid19-v${version}.chieng`);
  succeeded(await chieng(['pack', 'build', source, '--key', keys.publisherKey, '--out', out]));
  return out;
}

async function demoPackFile(): Promise<string> {
  const dir = path.join(repoRoot, 'dist', 'embedded-packs');
  const name = (await readdir(dir)).find((each) => each.endsWith('.chieng'));
  if (!name) throw new Error('no demo pack in dist/embedded-packs: run `npx tsx scripts/build.ts`');
  return path.join(dir, name);
}

interface ListedPack {
  id: string;
  version: number;
  official: boolean;
  trust: string;
  itemCount: number;
  root: { keyId: string; role: string };
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What `trust add` says of the test root (the prefixes end the line). */
const rootAdded = () => new RegExp(`^Đã thêm khóa gốc ${keys.rootKeyId} \\(Sở TT&TT \\(thử nghiệm\\)\\); được cấp cho: vn\\.$`);

const listPacks = async (dataDir: string) =>
  jsonOf<{ packs: ListedPack[]; storeBytes: number }>(await chieng(['pack', 'list', '--data-dir', dataDir, '--json']));

async function entriesOf(file: string): Promise<Map<string, Buffer>> {
  return new Map((await readArchiveEntries(await readFile(file))).map((entry) => [entry.name, entry.data]));
}

describe('a pack from the publisher to two laptops', () => {
  it(
    'is made, signed, trusted, verified, installed, listed, exported, installed elsewhere, removed and untrusted',
    { timeout: 120_000 },
    async () => {
      const work = await workDir();
      const laptop = path.join(work, 'laptop-1');
      const other = path.join(work, 'laptop-2');

      // The keys and the certificate (made in beforeAll) are what the commands said.
      expect((await stat(keys.rootKey)).mode & 0o777).toBe(0o600);
      expect((await stat(keys.publisherKey)).mode & 0o777).toBe(0o600);
      const certificate = JSON.parse(await readFile(keys.cert, 'utf8')) as { certificate: string };
      expect(JSON.parse(certificate.certificate)).toMatchObject({
        keyId: keys.publisherKeyId,
        rootKeyId: keys.rootKeyId,
        prefixes: ['vn.test.'],
      });

      // Build, as JSON.
      const source = await writePackSource(path.join(work, 'src'), { id: packId, version: 1, title: packTitle }, articleItems);
      const archive = path.join(work, 'covid19-v1.chieng');
      const built = jsonOf<Record<string, unknown>>(
        await chieng(['pack', 'build', source, '--key', keys.publisherKey, '--out', archive, '--json']),
      );
      expect(built).toEqual({
        id: packId,
        version: 1,
        items: 1,
        files: 2,
        bytes: Buffer.byteLength(article) + pngBytes().length,
        out: archive,
      });
      expect(existsSync(archive)).toBe(true);

      // Verify against a folder of roots: official.
      expect(succeeded(await chieng(['pack', 'verify', archive, '--trust', keys.rootsDir]))).toEqual([
        `Hợp lệ: “${packTitle}” (${packId}, phiên bản 1), chính thống, phát hành bởi Sở Y tế (thử nghiệm), 1 tài liệu.`,
      ]);
      expect(jsonOf(await chieng(['pack', 'verify', archive, '--trust', keys.rootsDir, '--json']))).toMatchObject({
        valid: true,
        id: packId,
        version: 1,
        official: true,
        items: 1,
        publisher: { vi: 'Sở Y tế (thử nghiệm)' },
      });
      // The demo pack verifies against the built-in demo root, and says it is demo material.
      const demo = await demoPackFile();
      const demoLine = succeeded(await chieng(['pack', 'verify', demo, '--data-dir', path.join(work, 'nowhere')]));
      expect(demoLine).toHaveLength(1);
      expect(demoLine[0]).toMatch(
        /^Hợp lệ: “.+” \(vn\.chieng\.demo\.covid19, phiên bản \d+\), TÀI LIỆU MẪU \(demo\), phát hành bởi .+, \d+ tài liệu\.$/,
      );
      // A laptop that does not trust the root yet refuses it, naming the unknown key.
      expect(refused(await chieng(['pack', 'verify', archive, '--data-dir', laptop]))).toBe(
        `chieng: Không cài được “covid19-v1.chieng”: được ký bởi một khóa không được tin cậy trên máy này (${keys.rootKeyId}).`,
      );

      // District IT adds the root: a bare public key needs its prefixes, a root file does not.
      expect(refused(await chieng(['trust', 'add', keys.rootPub, '--data-dir', laptop]))).toBe(
        'chieng: prefixes: Khóa công khai cần kèm tiền tố được phép (--prefix).',
      );
      expect(succeeded(await chieng(['trust', 'add', keys.rootPub, '--prefix', 'vn.', '--data-dir', laptop]))).toEqual([
        expect.stringMatching(rootAdded()),
      ]);
      const roots = jsonOf<{ roots: { keyId: string; role: string; builtIn: boolean; prefixes: string[] }[] }>(
        await chieng(['trust', 'list', '--data-dir', laptop, '--json']),
      ).roots;
      expect(roots).toHaveLength(2);
      expect(roots.find((root) => root.builtIn)).toMatchObject({ role: 'demo', prefixes: ['vn.chieng.demo.'] });
      expect(roots.find((root) => !root.builtIn)).toEqual({
        keyId: keys.rootKeyId,
        name: { vi: 'Sở TT&TT (thử nghiệm)' },
        role: 'official',
        prefixes: ['vn.'],
        builtIn: false,
      });
      const trustLines = succeeded(await chieng(['trust', 'list', '--data-dir', laptop]));
      expect(trustLines).toContainEqual(expect.stringMatching(/\[demo, có sẵn\] {2}vn\.chieng\.demo\.$/));
      expect(trustLines).toContain(`${keys.rootKeyId}  Sở TT&TT (thử nghiệm)  [chính thống, thêm trên máy này]  vn.`);
      // Now the laptop's own roots vouch for it.
      expect(succeeded(await chieng(['pack', 'verify', archive, '--data-dir', laptop]))[0]).toContain('chính thống');

      // Install; a second install of the same file changes nothing.
      expect(jsonOf(await chieng(['pack', 'import', archive, '--data-dir', laptop, '--json']))).toEqual({
        status: 'installed',
        id: packId,
        version: 1,
        title: packTitle,
        bytesAdded: built.bytes,
      });
      expect(succeeded(await chieng(['pack', 'import', archive, '--data-dir', laptop]))).toEqual([
        `“${packTitle}” (${packId}) phiên bản 1 đã có sẵn.`,
      ]);
      expect(existsSync(archive)).toBe(true);

      // Listed next to the demo pack installed on first use.
      const listed = await listPacks(laptop);
      expect(listed.packs.map((pack) => pack.id)).toEqual(['vn.chieng.demo.covid19', packId]);
      expect(listed.packs[0]).toMatchObject({ official: false, trust: 'ok', root: { role: 'demo' } });
      expect(listed.packs[1]).toMatchObject({
        version: 1,
        official: true,
        trust: 'ok',
        itemCount: 1,
        root: { keyId: keys.rootKeyId, role: 'official' },
      });
      const listLines = succeeded(await chieng(['pack', 'list', '--data-dir', laptop]));
      expect(listLines).toHaveLength(3);
      expect(listLines[0]).toMatch(/^vn\.chieng\.demo\.covid19 {2}v\d+ {2}.+ {2}\[demo\] {2}\d+ tài liệu, /);
      expect(listLines[1]).toMatch(new RegExp(`^${escaped(packId)} {2}v1 {2}${escaped(packTitle)} {2}\\[chính thống\\] {2}1 tài liệu, `));
      expect(listLines[2]).toMatch(/^Tổng dung lượng: /);

      // Export, then install the export on a laptop that trusts the same root file as is.
      const usb = path.join(work, 'usb');
      await mkdir(usb);
      const exported = path.join(usb, 'goi-chep.chieng');
      expect(succeeded(await chieng(['pack', 'export', packId, '--out', exported, '--data-dir', laptop]))).toEqual([
        expect.stringMatching(new RegExp(`^Đã xuất ${escaped(packId)} ra ${escaped(exported)} \\(.+\\)\\.$`)),
      ]);
      const exportedJson = path.join(usb, 'goi-chep-2.chieng');
      expect(jsonOf(await chieng(['pack', 'export', packId, '--out', exportedJson, '--data-dir', laptop, '--json']))).toEqual({
        id: packId,
        file: exportedJson,
        size: (await stat(exportedJson)).size,
      });
      // Signatures and files exactly as the publisher made them.
      expect(await entriesOf(exported)).toEqual(await entriesOf(archive));
      expect(succeeded(await chieng(['trust', 'add', keys.rootFile, '--data-dir', other]))).toEqual([expect.stringMatching(rootAdded())]);
      expect(succeeded(await chieng(['pack', 'verify', exported, '--data-dir', other]))[0]).toMatch(/^Hợp lệ: .*chính thống/);
      expect(succeeded(await chieng(['pack', 'import', exported, '--data-dir', other]))).toEqual([
        `Đã cài “${packTitle}” (${packId}, phiên bản 1).`,
      ]);
      expect((await listPacks(other)).packs.find((pack) => pack.id === packId)).toMatchObject({ version: 1, official: true, trust: 'ok' });

      // Remove from the first laptop; remove with --json on the second.
      expect(succeeded(await chieng(['pack', 'remove', packId, '--data-dir', laptop]))).toEqual([
        expect.stringMatching(new RegExp(`^Đã gỡ ${escaped(packId)}, giải phóng .+\\.$`)),
      ]);
      expect((await listPacks(laptop)).packs.map((pack) => pack.id)).toEqual(['vn.chieng.demo.covid19']);
      expect(jsonOf(await chieng(['pack', 'remove', packId, '--data-dir', other, '--json']))).toEqual({
        id: packId,
        freedBytes: built.bytes,
      });

      // Stop trusting the root: built-in roots stay, and cannot be removed.
      expect(succeeded(await chieng(['trust', 'remove', keys.rootKeyId, '--data-dir', laptop]))).toEqual([
        `Đã bỏ khóa gốc ${keys.rootKeyId}.`,
      ]);
      expect(jsonOf<{ roots: { builtIn: boolean }[] }>(await chieng(['trust', 'list', '--data-dir', laptop, '--json'])).roots).toEqual([
        expect.objectContaining({ builtIn: true, role: 'demo' }),
      ]);
      expect(jsonOf(await chieng(['trust', 'remove', keys.rootKeyId, '--data-dir', other, '--json']))).toEqual({
        keyId: keys.rootKeyId,
        removed: true,
      });
      const demoKeyId = roots.find((root) => root.builtIn)?.keyId ?? '';
      expect(refused(await chieng(['trust', 'remove', demoKeyId, '--data-dir', laptop]))).toBe(
        `chieng: Khóa ${demoKeyId} không phải khóa gốc đã thêm trên máy này (khóa có sẵn không bỏ được).`,
      );
      expect(refused(await chieng(['pack', 'verify', archive, '--data-dir', laptop]))).toContain(
        'được ký bởi một khóa không được tin cậy trên máy này',
      );
    },
  );

  it('speaks English when asked, with the same outcomes', { timeout: 60_000 }, async () => {
    const work = await workDir();
    const laptop = path.join(work, 'laptop');
    const archive = await buildArticlePack(work);
    const en = { CHIENG_LANG: 'en' };
    expect(succeeded(await chieng(['trust', 'add', keys.rootFile, '--data-dir', laptop], en))).toEqual([
      expect.stringMatching(new RegExp(`^Added root key ${keys.rootKeyId} \\(Sở TT&TT \\(thử nghiệm\\)\\); may grant: vn\\.$`)),
    ]);
    expect(succeeded(await chieng(['pack', 'verify', archive, '--trust', keys.rootsDir], en))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Valid: “${escaped(packTitle)}” \\(${escaped(packId)}, version 1\\), official, published by Sở Y tế \\(thử nghiệm\\), 1 item`,
        ),
      ),
    ]);
    expect(succeeded(await chieng(['pack', 'import', archive, '--data-dir', laptop], en))).toEqual([
      `Installed “${packTitle}” (${packId}, version 1).`,
    ]);
    const lines = succeeded(await chieng(['pack', 'list', '--data-dir', laptop], en));
    expect(lines[1]).toContain('[official]');
    expect(lines[2]).toMatch(/^Total size: /);
    expect(refused(await chieng(['pack', 'remove', 'vn.test.khong-co', '--data-dir', laptop], en))).toBe(
      'chieng: id: There is no pack “vn.test.khong-co” on this computer.',
    );
    // LANG asks for English too; CHIENG_LANG wins over it.
    expect(succeeded(await chieng(['pack', 'import', archive, '--data-dir', laptop], { LANG: 'en_US.UTF-8' }))).toEqual([
      `“${packTitle}” (${packId}) version 1 is already installed.`,
    ]);
    expect(succeeded(await chieng(['pack', 'import', archive, '--data-dir', laptop], { LANG: 'en_US.UTF-8', CHIENG_LANG: 'vi' }))).toEqual([
      `“${packTitle}” (${packId}) phiên bản 1 đã có sẵn.`,
    ]);
  });

  it('updates to a newer version and says from which', { timeout: 60_000 }, async () => {
    const work = await workDir();
    const laptop = path.join(work, 'laptop');
    succeeded(await chieng(['trust', 'add', keys.rootFile, '--data-dir', laptop]));
    succeeded(await chieng(['pack', 'import', await buildArticlePack(work, 1), '--data-dir', laptop]));
    const v2 = await buildArticlePack(work, 2);
    expect(jsonOf(await chieng(['pack', 'import', v2, '--data-dir', laptop, '--json']))).toMatchObject({
      status: 'updated',
      version: 2,
      previousVersion: 1,
    });
    // And refuses to go back.
    expect(refused(await chieng(['pack', 'import', path.join(work, 'covid19-v1.chieng'), '--data-dir', laptop]))).toBe(
      `chieng: Không cài được “${packTitle}”: phiên bản 1 cũ hơn phiên bản 2 đã cài. Chỉ có thể nâng phiên bản.`,
    );
  });
});

describe('chieng pack build refuses what a laptop could not use', () => {
  const leaflet = (text: string) =>
    JSON.stringify({
      type: 'chieng-leaflet',
      format: 1,
      paper: 'A5',
      orientation: 'portrait',
      languages: ['vi'],
      blocks: [
        { kind: 'title', text: { vi: `Thông điệp 5K ${text}` } },
        { kind: 'paragraph', text: { vi: 'Đeo khẩu trang nơi đông người.' } },
      ],
    });
  const cases: { name: string; id?: string; items: SourceItem[]; line: string }[] = [
    {
      name: 'a missing file',
      items: [
        { id: 'bai-viet', kind: 'article', files: [{ path: 'articles/5k.vi.md', content: article }] },
        { id: 'anh', kind: 'image', files: [{ path: 'images/khong-co.png' }] },
      ],
      line: 'chieng: Thiếu tệp “images/khong-co.png”.',
    },
    {
      name: 'a program (.exe)',
      items: [{ id: 'cai-dat', kind: 'image', files: [{ path: 'tai-ve/cai-dat.exe', content: Buffer.from('MZ\x90\x00 not a picture') }] }],
      line: 'chieng: Không biết loại tệp “tai-ve/cai-dat.exe”; chỉ nhận .md, .png, .jpg, .webp, .mp3, .ogg, .wav, .m4a, .mp4, .webm, .pdf, .leaflet.json.',
    },
    {
      name: 'an SVG image, which can carry script',
      items: [
        {
          id: 'logo',
          kind: 'image',
          files: [{ path: 'images/logo.svg', content: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' }],
        },
      ],
      line: 'chieng: Không biết loại tệp “images/logo.svg”; chỉ nhận .md, .png, .jpg, .webp, .mp3, .ogg, .wav, .m4a, .mp4, .webm, .pdf, .leaflet.json.',
    },
    {
      name: 'the language tag vie_VN',
      items: [{ id: 'bai-viet', kind: 'article', languages: ['vie_VN'], files: [{ path: 'articles/5k.md', content: article }] }],
      line: 'chieng: Mã ngôn ngữ “vie_VN” (tài liệu bai-viet) không đúng chuẩn BCP-47; ví dụ: vi, rad, jra, cmo, mng.',
    },
    {
      name: 'the language tag xx- on a file',
      items: [{ id: 'bai-viet', kind: 'article', files: [{ path: 'articles/5k.md', content: article, language: 'xx-' }] }],
      line: 'chieng: Mã ngôn ngữ “xx-” (tài liệu bai-viet) không đúng chuẩn BCP-47; ví dụ: vi, rad, jra, cmo, mng.',
    },
    {
      name: 'a .png that is a JPEG',
      items: [
        {
          id: 'anh',
          kind: 'image',
          files: [{ path: 'images/5k.png', content: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]) }],
        },
      ],
      line: 'chieng: Nội dung tệp “images/5k.png” không phải image/png như tên tệp cho biết.',
    },
    {
      name: 'leaflet text in Chinese characters',
      items: [{ id: 'to-roi', kind: 'leaflet', files: [{ path: 'to-roi/5k.leaflet.json', content: leaflet('漢字') }] }],
      line: 'chieng: Mẫu tờ rơi “to-roi/5k.leaflet.json” có ký tự phông chữ không vẽ được: 漢 (U+6F22), 字 (U+5B57)',
    },
    {
      name: 'leaflet text with an emoji',
      items: [{ id: 'to-roi', kind: 'leaflet', files: [{ path: 'to-roi/5k.leaflet.json', content: leaflet('🦠 😷') }] }],
      line: 'chieng: Mẫu tờ rơi “to-roi/5k.leaflet.json” có ký tự phông chữ không vẽ được: 🦠 (U+1F9A0), 😷 (U+1F637)',
    },
    {
      name: 'a pack id outside the certificate',
      id: 'vn.daklak.health.covid19',
      items: articleItems,
      line: 'chieng: Khóa này không được phép phát hành gói “vn.daklak.health.covid19” (chỉ: vn.test.).',
    },
  ];

  it.each(cases)('refuses $name in one Vietnamese line, and writes no file', { timeout: 30_000 }, async ({ id, items, line }) => {
    const work = await workDir();
    const source = await writePackSource(path.join(work, 'src'), { id: id ?? packId, version: 1, title: packTitle }, items);
    const out = path.join(work, 'out', 'goi.chieng');
    await mkdir(path.dirname(out));
    expect(refused(await chieng(['pack', 'build', source, '--key', keys.publisherKey, '--out', out, '--json']))).toBe(line);
    expect(await readdir(path.dirname(out))).toEqual([]);
  });
});

describe('refusals at the laptop', () => {
  let work: string;
  let laptop: string;
  let archive: string;
  beforeAll(async () => {
    work = await workDir();
    laptop = path.join(work, 'laptop');
    succeeded(await chieng(['trust', 'add', keys.rootFile, '--data-dir', laptop]));
    archive = await buildArticlePack(work);
    succeeded(await chieng(['pack', 'import', archive, '--data-dir', laptop]));
  });

  it('refuses a file that is not a pack, naming it, and changes nothing', async () => {
    const before = { list: await listPacks(laptop), store: await storeObjects(laptop) };
    const notAPack = path.join(work, 'tai-lieu.chieng');
    const bytes = randomBytes(64 * 1024);
    await writeFile(notAPack, bytes);
    const line = refused(await chieng(['pack', 'import', notAPack, '--data-dir', laptop]));
    expect(line).toMatch(/^chieng: Không cài được “tai-lieu\.chieng”: tệp bị hỏng hoặc không đầy đủ \(.+\)\.$/);
    // --json does not turn a refusal into output: the reason is still one line on stderr.
    expect(refused(await chieng(['pack', 'import', notAPack, '--data-dir', laptop, '--json']))).toBe(line);
    expect(await listPacks(laptop)).toEqual(before.list);
    expect(await storeObjects(laptop)).toEqual(before.store);
    // The person's own file is left alone.
    expect(await readFile(notAPack)).toEqual(bytes);
  });

  it('says there is no such pack to remove or export', async () => {
    expect(refused(await chieng(['pack', 'remove', 'vn.test.khong-co', '--data-dir', laptop]))).toBe(
      'chieng: id: Không có gói “vn.test.khong-co” trên máy này.',
    );
    expect(refused(await chieng(['pack', 'remove', 'vn.test.khong-co', '--data-dir', laptop, '--json']))).toBe(
      'chieng: id: Không có gói “vn.test.khong-co” trên máy này.',
    );
    const out = path.join(work, 'khong-co.chieng');
    expect(refused(await chieng(['pack', 'export', 'vn.test.khong-co', '--out', out, '--data-dir', laptop]))).toBe(
      'chieng: id: Không có gói “vn.test.khong-co” trên máy này.',
    );
    expect(existsSync(out)).toBe(false);
    expect((await listPacks(laptop)).packs.map((pack) => pack.id)).toEqual(['vn.chieng.demo.covid19', packId]);
  });

  it('refuses to verify a tampered archive, naming the reason', async () => {
    const entries = await readArchiveEntries(await readFile(archive));
    const articleFile = (data: Buffer) => data.toString('utf8').startsWith('# Thông điệp 5K');
    const tampered = async (name: string, from: string, to: string) => {
      const file = path.join(work, name);
      await writeFile(
        file,
        await craftArchive(
          entries.map((entry) =>
            entry.name.startsWith('objects/') && articleFile(entry.data)
              ? { ...entry, data: Buffer.from(entry.data.toString('utf8').replace(from, to)) }
              : entry,
          ),
        ),
      );
      return file;
    };
    // Same length, other words: the hash gives it away.
    const tamperedFile = await tampered('sua-noi-dung.chieng', 'Thông điệp 5K', 'Thông điệp 3K');
    expect(refused(await chieng(['pack', 'verify', tamperedFile, '--trust', keys.rootsDir]))).toBe(
      `chieng: Không cài được “${packTitle}”: tệp “articles/5k.vi.md” đã bị sửa đổi (không khớp mã kiểm tra đã ký).`,
    );
    // Longer: the size does.
    expect(
      refused(
        await chieng(['pack', 'verify', await tampered('them-chu.chieng', 'Khẩu trang', 'Không cần khẩu trang'), '--trust', keys.rootsDir]),
      ),
    ).toBe(`chieng: Không cài được “${packTitle}”: tệp “articles/5k.vi.md” không đúng kích thước đã ký.`);
    const resignedNot = path.join(work, 'sua-danh-muc.chieng');
    await writeFile(
      resignedNot,
      await craftArchive(
        entries.map((entry) =>
          entry.name === 'manifest.json'
            ? { ...entry, data: Buffer.from(entry.data.toString('utf8').replace('"version": 1', '"version": 7')) }
            : entry,
        ),
      ),
    );
    expect(refused(await chieng(['pack', 'verify', resignedNot, '--trust', keys.rootsDir, '--json']))).toBe(
      'chieng: Không cài được “sua-danh-muc.chieng”: chữ ký của manifest.json không hợp lệ. Gói có thể đã bị sửa đổi.',
    );
    // A laptop that does not have the pack yet refuses to install it, for the same reason.
    const fresh = path.join(work, 'laptop-fresh');
    succeeded(await chieng(['trust', 'add', keys.rootFile, '--data-dir', fresh]));
    expect(refused(await chieng(['pack', 'import', tamperedFile, '--data-dir', fresh]))).toBe(
      `chieng: Không cài được “${packTitle}”: tệp “articles/5k.vi.md” đã bị sửa đổi (không khớp mã kiểm tra đã ký).`,
    );
    expect((await listPacks(fresh)).packs.map((pack) => pack.id)).toEqual(['vn.chieng.demo.covid19']);
  });
});

describe('an import killed half way (kill -9)', () => {
  const id = 'vn.test.loa-phat-thanh';
  const title = 'Bản tin loa phát thanh';
  const ebml = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
  const clip = (bytes: number) => Buffer.concat([ebml, randomBytes(bytes)]);
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const fileCount = 5;
  const fileBytes = 10 * 1024 * 1024;

  /** Bytes of the object files in the store's staging area right now (in their fan-out folders). */
  async function staged(dataDir: string): Promise<number> {
    const staging = path.join(dataDir, 'store', 'staging');
    let total = 0;
    for (const entry of await readdir(staging, { recursive: true, withFileTypes: true }).catch(() => [])) {
      if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name)).catch(() => undefined))?.size ?? 0;
    }
    return total;
  }

  it('keeps version 1 whole, whenever it is killed, and the next command takes the folder over', { timeout: 300_000 }, async () => {
    const work = await workDir();
    const laptop = path.join(work, 'laptop');
    const build = async (version: number, items: SourceItem[]) => {
      const source = await writePackSource(path.join(work, `src-v${version}`), { id, version, title }, items);
      const out = path.join(work, `loa-v${version}.chieng`);
      succeeded(await chieng(['pack', 'build', source, '--key', keys.publisherKey, '--out', out]));
      return out;
    };
    const v1Clip = clip(2048);
    const v2Clips = Array.from({ length: fileCount }, () => clip(fileBytes));
    const v1 = await build(1, [{ id: 'ban-tin', kind: 'audio', files: [{ path: 'audio/ban-tin.weba', content: v1Clip }] }]);
    const v2 = await build(
      2,
      v2Clips.map((content, index) => ({
        id: `ban-tin-${index + 1}`,
        kind: 'video',
        files: [{ path: `video/ban-tin-${index + 1}.webm`, content }],
      })),
    );
    const v1Object = sha256(v1Clip);
    const v2Objects = v2Clips.map(sha256);
    const totalV2 = v2Clips.reduce((sum, content) => sum + content.length, 0);

    succeeded(await chieng(['trust', 'add', keys.rootFile, '--data-dir', laptop]));
    succeeded(await chieng(['pack', 'import', v1, '--data-dir', laptop]));
    const before = { list: await listPacks(laptop), store: await storeObjects(laptop) };
    expect(before.list.packs.find((pack) => pack.id === id)).toMatchObject({ version: 1 });
    expect(before.store).toContain(v1Object);
    const storeWithV2 = [...before.store.filter((name) => name !== v1Object), ...v2Objects].sort();

    // Moments by how far the import has got, not by the clock.
    const stagedAtLeast = (fraction: number) => async () => (await staged(laptop)) >= Math.max(1, Math.floor(totalV2 * fraction));
    const moments = [
      { name: 'the first bytes staged', reached: stagedAtLeast(0), copying: true },
      { name: 'a quarter staged', reached: stagedAtLeast(0.25), copying: true },
      { name: 'half staged', reached: stagedAtLeast(0.5), copying: true },
      { name: 'three quarters staged', reached: stagedAtLeast(0.75), copying: true },
      // The commit: every byte staged and being flushed, then files moving into the store
      // (which a kill may catch just after the switch, so either version may be the whole one).
      { name: 'every byte staged', reached: async () => (await staged(laptop)) >= totalV2, copying: false },
      {
        name: 'files moving into the store',
        reached: async () => (await storeObjects(laptop)).some((name) => v2Objects.includes(name)),
        copying: false,
      },
    ];
    for (const moment of moments) {
      const importing = spawnChieng(['pack', 'import', v2, '--data-dir', laptop], isolatedEnv(home));
      let finished = false;
      void importing.exited.then(() => (finished = true));
      while (!finished && !(await moment.reached())) await new Promise((resolve) => setTimeout(resolve, 1));
      expect(finished, `the import finished before ${moment.name} could be interrupted: make the pack bigger`).toBe(false);
      importing.child.kill('SIGKILL');
      expect(await importing.exited).toEqual({ code: null, signal: 'SIGKILL' });

      // The dead process still "holds" the folder.
      expect(JSON.parse(await readFile(path.join(laptop, 'chieng.lock'), 'utf8'))).toMatchObject({ pid: importing.child.pid, kind: 'cli' });
      const pointer = (JSON.parse(await readFile(path.join(laptop, 'packs', id, 'current.json'), 'utf8')) as { version: number }).version;
      // Killed while copying, the switch cannot have happened.
      if (moment.copying) expect(pointer, `killed at ${moment.name}`).toBe(1);

      // The next command takes the folder over; nothing half-done is left.
      const listed = await listPacks(laptop);
      expect(existsSync(path.join(laptop, 'chieng.lock'))).toBe(false);
      expect(await readdir(path.join(laptop, 'store', 'staging')).catch(() => [])).toEqual([]);
      if (pointer === 1) {
        // Version 1 exactly as it was: same listing, exactly its files in the store.
        expect(listed, `after a kill at ${moment.name}`).toEqual(before.list);
        expect(await storeObjects(laptop)).toEqual(before.store);
        expect((await readdir(path.join(laptop, 'packs', id))).sort()).toEqual(['current.json', 'v1']);
      } else {
        // Only during the commit: the switch was made just before the kill, and version 2 is whole.
        expect(listed.packs.find((pack) => pack.id === id)).toMatchObject({ version: 2, itemCount: fileCount });
        expect(await storeObjects(laptop)).toEqual(storeWithV2);
        expect((await readdir(path.join(laptop, 'packs', id))).sort()).toEqual(['current.json', 'v2']);
      }
    }

    // The interrupted update can simply be run again (unless the last kill came after the switch).
    const stillV1 = (await listPacks(laptop)).packs.find((pack) => pack.id === id)?.version === 1;
    expect(succeeded(await chieng(['pack', 'import', v2, '--data-dir', laptop]))).toEqual([
      stillV1 ? `Đã cập nhật “${title}” (${id}) từ phiên bản 1 lên 2.` : `“${title}” (${id}) phiên bản 2 đã có sẵn.`,
    ]);
    expect((await listPacks(laptop)).packs.find((pack) => pack.id === id)).toMatchObject({ version: 2, itemCount: fileCount });
    // Version 1's clip is gone, version 2's are in, the demo pack's are untouched.
    expect(await storeObjects(laptop)).toEqual(storeWithV2);
  });
});
