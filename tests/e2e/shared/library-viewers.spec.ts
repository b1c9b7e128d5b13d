import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { colourSweepWebm, pagedPdf, toneWav } from '../../support/media-fixtures';
import { buildTestPack, type TestPackSpec } from '../../support/pack-fixtures';
import { expect, test, type ChiengApp } from '../fixtures';
import { demoPackId, installPack, openMaterial } from '../library-pages';
import { officialPublisher } from '../trusted-publisher';

// Packs built, signed and installed, media decoded, a browser per test: more than the
// default time when the machine is busy.
test.describe.configure({ timeout: 90_000 });

const packId = 'vn.test.xem';
const packTitle = 'Tài liệu để xem (thử nghiệm)';

async function installItems(app: ChiengApp, work: string, items: NonNullable<TestPackSpec['items']>): Promise<void> {
  const { publisher } = await officialPublisher(app, work);
  await installPack(app, await buildTestPack(work, publisher, { id: packId, title: packTitle, items }), packTitle);
}

/** The size an element is drawn at on screen. */
const drawnWidth = (locator: Locator) => locator.evaluate((element) => element.getBoundingClientRect().width);
const isDecoded = (image: Locator) =>
  image.evaluate((element) => element instanceof HTMLImageElement && element.complete && element.naturalWidth > 0);
const mediaTime = (media: Locator) => media.evaluate((element) => (element as HTMLMediaElement).currentTime);

test('a Markdown article shows its text and the pack’s own image, with where it comes from', async ({ app }, testInfo) => {
  const png = await readFile(path.resolve('resources/demo-pack/source/images/5k.png'));
  await installItems(app, testInfo.outputPath('work'), [
    {
      id: 'rua-tay',
      kind: 'article',
      languages: ['vi'],
      title: 'Rửa tay đúng cách',
      files: [
        {
          path: 'articles/rua-tay.md',
          language: 'vi',
          content:
            '# Rửa tay đúng cách\n\n![Sáu bước rửa tay](../images/buoc.png)\n\nRửa tay **bằng xà phòng** trong ít nhất 30 giây.\n\n- Lòng bàn tay\n- Mu bàn tay\n',
        },
        { path: 'images/buoc.png', content: png },
      ],
    },
  ]);
  const view = await openMaterial(app, packId, 'rua-tay');
  await expect(view.getByTestId('material-title')).toHaveText('Rửa tay đúng cách');
  await expect(view.getByTestId('material-provenance').getByTestId('badge-official')).toHaveText('Chính thống');
  await expect(view.getByTestId('material-provenance')).toContainText('Phát hành: Sở Y tế (thử nghiệm)');
  const body = view.getByTestId('article-body');
  await expect(body.getByRole('heading', { level: 1 })).toHaveText('Rửa tay đúng cách');
  await expect(body.locator('strong')).toHaveText('bằng xà phòng');
  await expect(body.getByRole('listitem')).toHaveText(['Lòng bàn tay', 'Mu bàn tay']);
  const image = body.getByRole('img', { name: 'Sáu bước rửa tay' });
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => isDecoded(image)).toBe(true);
  await expect(view.getByTestId('material-notice')).toHaveCount(0);
});

test('an image fits the view and zooms in, out and back with the buttons and the keys', async ({ app }) => {
  const view = await openMaterial(app, demoPackId, 'anh-thong-diep-5k');
  const image = view.getByRole('img', { name: 'Ảnh: Thông điệp 5K' });
  await expect.poll(() => isDecoded(image)).toBe(true);
  const level = view.getByTestId('zoom-level');
  const fitted = await drawnWidth(image);
  const fittedLevel = await level.innerText();
  expect(fitted).toBeGreaterThan(100);

  await view.getByTestId('zoom-in').click();
  await expect.poll(() => drawnWidth(image)).toBeCloseTo(fitted * 1.25, -1);
  await expect(level).not.toHaveText(fittedLevel);
  await view.getByTestId('zoom-in').click();
  await expect.poll(() => drawnWidth(image)).toBeCloseTo(fitted * 1.25 * 1.25, -1);
  await view.getByTestId('zoom-reset').click();
  await expect.poll(() => drawnWidth(image)).toBeCloseTo(fitted, 0);
  await expect(level).toHaveText(fittedLevel);

  // From the keyboard, on the focused image.
  await view.getByRole('group', { name: 'Ảnh: Ảnh: Thông điệp 5K' }).focus();
  await app.page.keyboard.press('-');
  await expect.poll(() => drawnWidth(image)).toBeCloseTo(fitted / 1.25, -1);
  await app.page.keyboard.press('0');
  await expect.poll(() => drawnWidth(image)).toBeCloseTo(fitted, 0);
});

test('sound plays, pauses and seeks; film seeks', async ({ app }, testInfo) => {
  await installItems(app, testInfo.outputPath('work'), [
    {
      id: 'loa',
      kind: 'audio',
      languages: ['vi'],
      title: 'Bản tin loa (thử nghiệm)',
      files: [{ path: 'audio/loa.wav', language: 'vi', content: toneWav(4) }],
    },
    {
      id: 'phim',
      kind: 'video',
      languages: ['vi'],
      title: 'Phim ngắn (thử nghiệm)',
      files: [{ path: 'video/phim.webm', language: 'vi', content: colourSweepWebm() }],
    },
  ]);

  const sound = (await openMaterial(app, packId, 'loa')).getByTestId('audio-player');
  const audio = sound.locator('audio');
  await expect(sound.getByTestId('media-time')).toHaveText('0:00 / 0:04');
  const toggle = sound.getByTestId('media-toggle');
  await toggle.click();
  await expect(toggle).toHaveText('Tạm dừng');
  await expect(sound).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => mediaTime(audio)).toBeGreaterThan(0.3);
  await toggle.click();
  await expect(toggle).toHaveText('Phát');
  await expect(sound).toHaveAttribute('data-playing', 'false');
  const paused = await mediaTime(audio);
  await app.page.waitForTimeout(400);
  expect(await mediaTime(audio)).toBe(paused);
  await sound.getByTestId('media-seek').fill('3');
  await expect.poll(() => mediaTime(audio)).toBeCloseTo(3, 1);
  await expect(sound.getByTestId('media-time')).toHaveText('0:03 / 0:04');
  await sound.getByRole('button', { name: 'Lùi 10 giây' }).click();
  await expect.poll(() => mediaTime(audio)).toBe(0);

  const film = (await openMaterial(app, packId, 'phim')).getByTestId('video-player');
  const video = film.locator('video');
  await expect(film.getByTestId('media-seek')).toBeEnabled();
  await expect.poll(() => video.evaluate((element) => (element as HTMLVideoElement).videoWidth)).toBe(64);
  await film.getByTestId('media-seek').fill('1.2');
  await expect.poll(() => mediaTime(video)).toBeCloseTo(1.2, 1);
  await expect(film.getByTestId('media-time')).toHaveText('0:01 / 0:01');
  await expect.poll(() => video.evaluate((element) => (element as HTMLVideoElement).seeking)).toBe(false);
  await film.getByRole('button', { name: 'Lùi 10 giây' }).click();
  await expect(film.getByTestId('media-time')).toHaveText('0:00 / 0:01');
  await film.getByTestId('media-toggle').click();
  await expect(film).toHaveAttribute('data-playing', 'true');
  // It plays on to its end and stops there.
  await expect(film).toHaveAttribute('data-playing', 'false');
  await expect(film.getByTestId('media-toggle')).toHaveText('Phát');
});

/** How many pixels of the PDF canvas are mostly red, and mostly blue. */
const canvasColours = (canvas: Locator) =>
  canvas.evaluate((element) => {
    const target = element as HTMLCanvasElement;
    const data = target.getContext('2d')?.getImageData(0, 0, target.width, target.height).data ?? new Uint8ClampedArray();
    let red = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
      if (r > 140 && g < 90 && b < 80) red++;
      if (b > 140 && r < 60 && g < 120) blue++;
    }
    return { red, blue };
  });

test('a PDF is paged inside the app: page 2 of 2 is drawn after page 1', async ({ app }, testInfo) => {
  await installItems(app, testInfo.outputPath('work'), [
    {
      id: 'to-in',
      kind: 'pdf',
      languages: ['vi'],
      title: 'Tờ in hai trang',
      files: [{ path: 'pdf/hai-trang.pdf', language: 'vi', content: await pagedPdf(2) }],
    },
  ]);
  const pdf = (await openMaterial(app, packId, 'to-in')).getByTestId('pdf-viewer');
  await expect(pdf).toHaveAttribute('data-status', 'ready');
  await expect(pdf.getByTestId('pdf-page-count')).toHaveText('/ 2');
  await expect(pdf.getByTestId('pdf-page-input')).toHaveValue('1');
  await expect(pdf.getByTestId('pdf-previous')).toBeDisabled();
  const canvas = pdf.getByTestId('pdf-canvas');
  // Page 1 says "Trang 1" in blue; page 2 says "Trang 2" in red.
  await expect.poll(async () => (await canvasColours(canvas)).blue).toBeGreaterThan(500);
  expect((await canvasColours(canvas)).red).toBe(0);

  await pdf.getByTestId('pdf-next').click();
  await expect(pdf).toHaveAttribute('data-page', '2');
  await expect(pdf).toHaveAttribute('data-status', 'ready');
  await expect(pdf.getByTestId('pdf-page-input')).toHaveValue('2');
  await expect(pdf.getByTestId('pdf-next')).toBeDisabled();
  await expect.poll(async () => (await canvasColours(canvas)).red).toBeGreaterThan(500);
  expect((await canvasColours(canvas)).blue).toBe(0);
  await expect(pdf.getByRole('group', { name: 'Tờ in hai trang, trang 2 / 2' })).toBeVisible();
});

test('a leaflet template previews at its paper’s proportions, with its languages side by side', async ({ app }) => {
  const view = await openMaterial(app, demoPackId, 'to-roi-thong-diep-5k');
  const preview = view.getByTestId('leaflet-preview');
  await expect(preview).toHaveAttribute('data-paper', 'A5');
  await expect(preview.locator('.leaflet-facts')).toHaveText("Khổ giấy A5, in dọc · Ngôn ngữ: Tiếng Việt, J'rai");
  const paper = preview.getByTestId('leaflet-paper');
  const box = await paper.boundingBox();
  expect(box && box.height / box.width).toBeGreaterThanOrEqual(210 / 148 - 0.02);
  await expect(paper.getByRole('heading', { name: 'Thông điệp 5K phòng, chống dịch COVID-19' })).toBeVisible();
  await expect(paper.locator('.leaflet-column[data-language="jra"]').first()).toBeVisible();
  await expect(paper.locator('.leaflet-column[data-language="vi"]').first()).toBeVisible();
  const image = paper.locator('img[data-pack-path="leaflets/5k.png"]');
  await expect.poll(() => isDecoded(image)).toBe(true);
  await expect(view.getByTestId('material-notice')).toHaveCount(0);
});

test('an article’s language versions switch, and two show side by side (Vietnamese beside Ê Đê)', async ({ app }) => {
  const view = await openMaterial(app, demoPackId, 'thong-diep-5k');
  const bar = view.getByTestId('language-bar');
  const vi = bar.getByRole('button', { name: 'Tiếng Việt' });
  const rad = bar.getByRole('button', { name: 'Ê Đê' });
  const viTitle = 'Thông điệp 5K phòng, chống dịch COVID-19';
  const radTitle = 'Thông điệp 5K – bản tiếng Ê Đê (chưa có)';
  await expect(vi).toHaveAttribute('aria-pressed', 'true');
  await expect(view.getByTestId('article-body').getByRole('heading', { level: 1 })).toHaveText(viTitle);

  await rad.click();
  await expect(rad).toHaveAttribute('aria-pressed', 'true');
  await expect(view.getByTestId('article-body')).toHaveAttribute('lang', 'rad');
  await expect(view.getByTestId('article-body').getByRole('heading', { level: 1 })).toHaveText(radTitle);

  await vi.click();
  await view.getByTestId('side-by-side').click();
  const left = view.locator('.variant-pane').nth(0);
  const right = view.locator('.variant-pane').nth(1);
  await expect(left).toHaveAttribute('data-language', 'vi');
  await expect(right).toHaveAttribute('data-language', 'rad');
  await expect(left.locator('.variant-language')).toHaveText('Tiếng Việt');
  await expect(right.locator('.variant-language')).toHaveText('Ê Đê');
  await expect(left.getByRole('heading', { level: 1 })).toHaveText(viTitle);
  await expect(right.getByRole('heading', { level: 1 })).toHaveText(radTitle);
  const [leftBox, rightBox] = [await left.boundingBox(), await right.boundingBox()];
  expect(leftBox && rightBox && rightBox.x >= leftBox.x + leftBox.width - 1).toBe(true);
  expect(leftBox && rightBox && Math.abs(rightBox.y - leftBox.y)).toBeLessThan(5);

  // Back to one version.
  await view.getByTestId('side-by-side').click();
  await expect(view.locator('.variant-pane')).toHaveCount(1);
});

test('a hostile article is shown inert: no script runs, no handler fires, its link goes nowhere', async ({ app }, testInfo) => {
  // Each payload would both set a flag and open a dialog, were it ever run.
  const run = 'window.__pwned=1;alert(1)';
  const hostile = [
    '# Bài có mã độc',
    '',
    `<script>${run}</script>`,
    '',
    `<img src=x onerror="${run}">`,
    '',
    `<svg onload="${run}"></svg>`,
    '',
    `[link](javascript:${run})`,
    '',
    `![ảnh](x" onerror="${run})`,
    '',
    'Đoạn cuối.',
  ].join('\n');
  await installItems(app, testInfo.outputPath('work'), [
    {
      id: 'doc-hai',
      kind: 'article',
      languages: ['vi'],
      title: 'Bài có mã độc',
      files: [{ path: 'articles/doc-hai.md', language: 'vi', content: hostile }],
    },
  ]);
  const dialogs: string[] = [];
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const pwned = () => app.page.evaluate(() => (window as { __pwned?: unknown }).__pwned);

  const view = await openMaterial(app, packId, 'doc-hai');
  const body = view.getByTestId('article-body');
  await expect(body).toContainText('Đoạn cuối.');
  // What was code is shown as the text it is.
  await expect(body).toContainText(`<script>${run}</script>`);
  await expect(body).toContainText(`<img src=x onerror="${run}">`);
  await expect(body.locator('script, a, iframe, svg, [onerror], [onload], [href], [src="x"]')).toHaveCount(0);
  const before = app.page.url();

  await body.getByText('link', { exact: true }).click();
  // Time for anything that was going to fire (an image error, a navigation) to have fired.
  await app.page.waitForTimeout(500);
  expect(await pwned()).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(app.page.url()).toBe(before);
  await expect(view.getByTestId('material-title')).toHaveText('Bài có mã độc');
});
