// How long the library takes to open on a data folder holding 5,000 materials: from asking
// for `#/library` until the list shows its first rows with the full count known, against
// the same navigation on a data folder holding only the demo pack, in the same run.
//
// Each run starts `chieng serve` afresh (the core knows nothing of the library until it is
// asked), opens the app on another place, lets it settle, then goes to the library as the
// sidebar would. The packs are installed through the CLI beforehand, which indexes them;
// the figure fails if opening the library wrote any index again.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildPack } from '../../../electron/core/packs/authoring/build-pack';
import { loadGlyphCoverage } from '../../../electron/core/packs/authoring/glyph-coverage';
import { runChieng } from '../../support/cli-process';
import { fontsDir, makePublisher, makeRoot } from '../../support/pack-fixtures';
import type { Figure } from '../support/figure';
import { spawnJsonServer } from '../support/json-server';
import { median, percentile, round } from '../support/stats';
import { withTempDir } from '../support/temp-dir';

const runs = 7;
const packCount = 5;
const materialsPerPack = 1_000;
/** Bump when the generated packs change, so that a cached set is made anew. */
const generation = 1;
/** The publisher's certificate lasts a year; well before that, the packs are made anew. */
const cacheDays = 180;
const readySelector = 'html[data-ready="true"]';
const startHash = '#/settings';
const libraryHash = '#/library';
const pageTimeoutMs = 30_000;
const settleMs = 300;

// Everyday public-health and civic vocabulary, with its accents, to make text people write.
const vocabulary = (
  'khẩu trang khử khuẩn khoảng cách không tập trung khai báo y tế tiêm chủng vắc xin xét nghiệm ' +
  'sốt ho khó thở trạm y tế xã buôn làng già làng trưởng buôn người có uy tín Đắk Lắk Buôn Ma Thuột ' +
  'Cư M’gar Krông Pắc Ea Kar Lắk Ê Đê M’nông J’rai tin giả tuyên truyền loa truyền thanh nhà văn hóa ' +
  'cộng đồng phòng chống dịch bệnh hướng dẫn chính thống cán bộ thông tin chính quyền địa phương ' +
  'rửa tay xà phòng nước sạch thực phẩm an toàn trẻ em người cao tuổi phụ nữ mang thai sức khỏe ' +
  'bảo hiểm y tế cấp cứu bệnh viện huyện tỉnh nông nghiệp cà phê hồ tiêu mùa mưa lũ lụt hạn hán'
).split(' ');
const topics = [
  'covid19',
  'tiem-chung',
  'tin-gia',
  'nuoc-sach',
  'an-toan-thuc-pham',
  'thien-tai',
  'nong-nghiep',
  'bao-hiem-y-te',
  'tre-em',
  'nguoi-cao-tuoi',
];

const figure: Figure = {
  name: 'library_open_5000_materials',
  unit: 'ms',
  target: { max: 300 },
  async measure({ repoRoot, browser: launch, log }) {
    const generated = await generatedPacks(repoRoot, log);
    const browser = await launch();
    return withTempDir('chieng-bench-library-open', async (work) => {
      const fullDir = path.join(work, 'full');
      const demoDir = path.join(work, 'demo');
      log(`installing ${packCount} packs of ${materialsPerPack} materials through the CLI (not timed)`);
      const full = await install(fullDir, generated);
      const demo = await install(demoDir);
      log(`library of ${full} materials against the demo pack's ${demo}`);
      const indexes = await indexFiles(fullDir);
      if (indexes.size < packCount)
        throw new Error(`installing indexed ${indexes.size} pack(s), not ${packCount}: ${[...indexes.keys()].join(', ')}`);

      const startApp = (dataDir: string) =>
        spawnJsonServer([path.join(repoRoot, 'bin', 'chieng.js'), 'serve', '--data-dir', dataDir, '--port', '0', '--json'], repoRoot);
      const timeFull = () => timeLibraryOpen(browser, () => startApp(fullDir), full);
      const timeDemo = () => timeLibraryOpen(browser, () => startApp(demoDir), demo);

      // Unrecorded: the first spawn pays for reading Node, the bundle and the page cache (and,
      // for the demo folder, indexing the demo pack, which its first start installed unindexed).
      await timeFull();
      await timeDemo();
      const app: number[] = [];
      const baseline: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        // Alternate which goes first so neither always inherits the other's leftovers.
        if (run % 2 === 0) {
          app.push(await timeFull());
          baseline.push(await timeDemo());
        } else {
          baseline.push(await timeDemo());
          app.push(await timeFull());
        }
        log(`run ${run + 1}/${runs}: ${full} materials ${app.at(-1)!.toFixed(1)} ms, demo pack ${baseline.at(-1)!.toFixed(1)} ms`);
      }

      const rewritten = changedFiles(indexes, await indexFiles(fullDir));
      if (rewritten.length > 0)
        throw new Error(`opening the library indexed again instead of loading the index built at install: ${rewritten.join(', ')}`);
      return {
        value: round(median(app), 1),
        baseline: {
          name: 'library_open_demo_pack',
          value: round(median(baseline), 1),
          unit: 'ms',
          extra: { p95: round(percentile(baseline, 95), 1), materials: demo },
        },
        runs,
        extra: { p95: round(percentile(app, 95), 1), materials: full, packs: packCount + 1 },
      };
    });
  },
};

export default figure;

/**
 * Milliseconds from asking for the library until the frame that shows its first rows, all
 * `count` of them known, timed in the page: the app is opened elsewhere first, so that
 * neither loading the page nor the server's start is counted.
 */
async function timeLibraryOpen(browser: Browser, start: () => ReturnType<typeof spawnJsonServer>, count: number): Promise<number> {
  const server = await start();
  try {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}${startHash}`, { timeout: pageTimeoutMs });
      await page.waitForSelector(readySelector, { state: 'attached', timeout: pageTimeoutMs });
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const selector = `[data-testid="material-row"][aria-setsize="${count}"]`;
      return await page.evaluate(
        ({ selector, hash, timeoutMs }) =>
          new Promise<number>((resolve, reject) => {
            const startedAt = performance.now();
            const timer = setTimeout(() => reject(new Error(`no ${selector} within ${timeoutMs} ms`)), timeoutMs);
            const observer = new MutationObserver(() => {
              if (!document.querySelector(selector)) return;
              observer.disconnect();
              clearTimeout(timer);
              // The rows are in the document; the next frame is the one that shows them.
              requestAnimationFrame(() => resolve(performance.now() - startedAt));
            });
            observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-setsize'] });
            window.location.hash = hash;
          }),
        { selector, hash: libraryHash, timeoutMs: pageTimeoutMs },
      );
    } finally {
      await context.close();
    }
  } finally {
    await server.stop();
  }
}

interface GeneratedPacks {
  readonly rootFile: string;
  readonly packs: readonly string[];
}

/**
 * The root to trust and the signed packs, made once with the authoring code and kept in
 * tests/bench/.tmp (git-ignored) for later runs: making them takes longer than measuring.
 */
async function generatedPacks(repoRoot: string, log: (message: string) => void): Promise<GeneratedPacks> {
  const parent = path.join(repoRoot, 'tests', 'bench', '.tmp');
  const dir = path.join(parent, `library-open-packs-${generation}`);
  const cached = await readCache(dir);
  if (cached) return cached;
  await rm(dir, { recursive: true, force: true });
  log(`generating ${packCount * materialsPerPack} materials in ${packCount} packs (cached in ${path.relative(repoRoot, dir)})`);
  const building = path.join(parent, `library-open-packs-${generation}.building-${process.pid}`);
  await rm(building, { recursive: true, force: true });
  await mkdir(building, { recursive: true });
  try {
    const root = await makeRoot(path.join(building, 'root'));
    const publisher = makePublisher(root);
    const glyphs = loadGlyphCoverage(fontsDir);
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(from: readonly T[]) => from[Math.floor(random() * from.length)]!;
    const sentence = (min: number, spread: number) => {
      const text = Array.from({ length: min + Math.floor(random() * spread) }, () => pick(vocabulary)).join(' ');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
    };
    const packs: string[] = [];
    for (let number = 1; number <= packCount; number += 1) {
      const id = `vn.test.bench-library-${number}`;
      const source = path.join(building, 'source', id);
      await mkdir(path.join(source, 'a'), { recursive: true });
      const items = [];
      for (let index = 0; index < materialsPerPack; index += 1) {
        const name = `bai-${number}-${index}`;
        const title = sentence(4, 8);
        const body = `# ${title}\n\n${Array.from({ length: 4 }, () => Array.from({ length: 6 }, () => `${sentence(8, 10)}.`).join(' ')).join('\n\n')}\n`;
        await writeFile(path.join(source, 'a', `${name}.vi.md`), body);
        const files = [{ path: `a/${name}.vi.md`, language: 'vi' }];
        // A third also in Ê Đê, as the demo pack's articles are.
        if (index % 3 === 0) {
          await writeFile(path.join(source, 'a', `${name}.rad.md`), `# ${title}\n\n${sentence(20, 20)}.\n`);
          files.push({ path: `a/${name}.rad.md`, language: 'rad' });
        }
        const itemTopics = [...new Set([pick(topics), pick(topics)])];
        items.push({
          id: name,
          kind: 'article',
          languages: files.map((file) => file.language),
          topics: itemTopics,
          title: { vi: title },
          summary: { vi: `${sentence(15, 15)}.` },
          source: 'Sở Y tế Đắk Lắk',
          files,
        });
      }
      // Packs published on different days, as they arrive over months.
      const publishedAt = new Date(Date.now() - number * 7 * 24 * 3600_000).toISOString();
      await writeFile(
        path.join(source, 'pack.json'),
        JSON.stringify({ id, version: 1, title: { vi: `Gói đo thư viện ${number}` }, publishedAt, items }),
      );
      const out = path.join(building, 'packs', `${id}-v1.chieng`);
      await mkdir(path.dirname(out), { recursive: true });
      await buildPack({ sourceDir: source, key: publisher.secret, certificate: publisher.certificate, out, glyphs });
      packs.push(path.basename(out));
    }
    await rm(path.join(building, 'source'), { recursive: true, force: true });
    await writeFile(
      path.join(building, 'generated.json'),
      JSON.stringify({ generation, madeAt: new Date().toISOString(), rootFile: path.join('root', `${root.file.keyId}.json`), packs }),
    );
    // Another run that finished first keeps its set; this one is dropped.
    await rename(building, dir).catch(() => undefined);
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  const made = await readCache(dir);
  if (!made) throw new Error(`generated packs missing from ${dir}`);
  return made;
}

async function readCache(dir: string): Promise<GeneratedPacks | undefined> {
  try {
    const data = JSON.parse(await readFile(path.join(dir, 'generated.json'), 'utf8')) as {
      generation: number;
      madeAt: string;
      rootFile: string;
      packs: string[];
    };
    if (data.generation !== generation || Date.now() - Date.parse(data.madeAt) > cacheDays * 24 * 3600_000) return undefined;
    const packs = data.packs.map((name) => path.join(dir, 'packs', name));
    await Promise.all([data.rootFile, ...data.packs.map((name) => path.join('packs', name))].map((file) => stat(path.join(dir, file))));
    return { rootFile: path.join(dir, data.rootFile), packs };
  } catch {
    return undefined;
  }
}

/** Sets up a data folder as a person would, through the CLI; returns how many materials it holds. */
async function install(dataDir: string, generated?: GeneratedPacks): Promise<number> {
  const chieng = async (...args: string[]) => {
    const run = await runChieng([...args, '--data-dir', dataDir, '--json']);
    if (run.code !== 0) throw new Error(`chieng ${args.join(' ')} failed (${run.code}): ${run.stderr}`);
    return run.stdout;
  };
  if (generated) {
    await chieng('trust', 'add', generated.rootFile);
    for (const pack of generated.packs) await chieng('pack', 'import', pack);
  }
  // The first start installs the demo pack in any case.
  const { packs } = JSON.parse(await chieng('pack', 'list')) as { packs: { itemCount: number }[] };
  return packs.reduce((sum, pack) => sum + pack.itemCount, 0);
}

/** The library's index files and when each was last written. */
async function indexFiles(dataDir: string): Promise<Map<string, number>> {
  const dir = path.join(dataDir, 'library', 'index');
  const files = new Map<string, number>();
  for (const name of await readdir(dir).catch(() => [] as string[])) files.set(name, (await stat(path.join(dir, name))).mtimeMs);
  return files;
}

function changedFiles(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): string[] {
  return [...after].filter(([name, written]) => before.get(name) !== written).map(([name]) => name);
}
