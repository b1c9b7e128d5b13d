// Render the demo pack's SVG drawings to PNG with headless Chromium, using the bundled
// Noto Sans (loaded by file:// URL) so that every Vietnamese and J'rai letter is drawn by
// the same font the app ships. Run: npx tsx scripts/demo-pack/render-images.ts
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const fonts = join(root, 'resources/fonts');
const out = join(root, 'resources/demo-pack/source');

// Drawing in scripts/demo-pack → PNG in the pack source folder.
const drawings: ReadonlyArray<[string, string]> = [
  ['5k.svg', 'images/5k.png'],
  ['kiem-tra-truoc-khi-chia-se.svg', 'images/kiem-tra-truoc-khi-chia-se.png'],
];
// The leaflet item carries its own copy (file paths are unique in a pack; the bytes are shared).
const copies: ReadonlyArray<[string, string]> = [['images/5k.png', 'leaflets/5k.png']];

const fontFaces = [
  ['NotoSans-Regular.ttf', 400],
  ['NotoSans-Bold.ttf', 700],
]
  .map(
    ([file, weight]) => `@font-face { font-family: 'Noto Sans Demo'; font-weight: ${weight};
  src: url('${pathToFileURL(join(fonts, String(file))).href}') format('truetype'); }`,
  )
  .join('\n');

const work = mkdtempSync(join(tmpdir(), 'chieng-demo-images-'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
  for (const [svg, png] of drawings) {
    const html = join(work, `${svg}.html`);
    writeFileSync(
      html,
      `<!doctype html><meta charset="utf-8"><style>${fontFaces}
      html, body { margin: 0; }</style>${readFileSync(join(here, svg), 'utf8')}`,
    );
    await page.goto(pathToFileURL(html).href);
    // Every face must have loaded from its file, or the picture would use a fallback font.
    const status = await page.evaluate(async () => {
      const faces: FontFace[] = [];
      document.fonts.forEach((face) => faces.push(face));
      await Promise.all(faces.map((face) => face.load().catch(() => face)));
      return faces.map((face) => `${face.weight}:${face.status}`);
    });
    if (status.length !== 2 || status.some((entry) => !entry.endsWith(':loaded'))) {
      throw new Error(`${svg}: fonts not loaded (${status.join(', ')})`);
    }
    await page.screenshot({ path: join(out, png), clip: { x: 0, y: 0, width: 1200, height: 800 } });
    console.log(`wrote ${png}`);
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
for (const [from, to] of copies) copyFileSync(join(out, from), join(out, to));
