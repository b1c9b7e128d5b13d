// Renders build/icon.svg to the 512×512 build/icon.png that electron-builder turns into
// .ico/.icns/hicolor icons. Run after editing the SVG: `npx tsx build/render-icon.ts`.
// A real browser renders it because no SVG rasteriser is among our dependencies and
// Chromium draws exactly what the app's own <GongMark> looks like.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const size = 512;
const svgPath = fileURLToPath(new URL('icon.svg', import.meta.url));
const pngPath = fileURLToPath(new URL('icon.png', import.meta.url));

const svg = await readFile(svgPath, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // Offline machine: keep Chromium from reaching for the network or a GPU it may not have.
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
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const image = page.locator('svg');
  const box = await image.boundingBox();
  if (box?.width !== size || box.height !== size) throw new Error(`icon.svg must be ${size}×${size}, got ${box?.width}×${box?.height}`);
  // omitBackground keeps the corners outside the gong transparent.
  await image.screenshot({ path: pngPath, omitBackground: true });
} finally {
  await browser.close();
}
console.log(`render-icon: wrote ${pngPath}`);
