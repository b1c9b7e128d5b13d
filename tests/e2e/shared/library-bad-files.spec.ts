import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { undecodablePng, unplayableOgg } from '../../support/media-fixtures';
import { buildTestPack, type TestPackSpec } from '../../support/pack-fixtures';
import { expect, test, type ChiengApp } from '../fixtures';
import { demoPackId, installPack, openLibrary, openMaterial } from '../library-pages';
import { officialPublisher } from '../trusted-publisher';

// Packs built, signed and installed, media decoded, a browser per test: more than the
// default time when the machine is busy.
test.describe.configure({ timeout: 90_000 });

const packId = 'vn.test.loi';
const packTitle = 'Tệp lỗi (thử nghiệm)';

async function installItems(app: ChiengApp, work: string, items: NonNullable<TestPackSpec['items']>): Promise<void> {
  const { publisher } = await officialPublisher(app, work);
  await installPack(app, await buildTestPack(work, publisher, { id: packId, title: packTitle, items }), packTitle);
}

/** Where the app keeps an installed file: its data folder's object store, by SHA-256. */
function storedObject(app: ChiengApp, content: string | Buffer): string {
  const sha256 = createHash('sha256').update(content).digest('hex');
  return path.join(app.dataDir, 'store', 'objects', sha256.slice(0, 2), sha256);
}

const article = (id: string, file: string, content: string, extra: { path: string; content: Buffer }[] = []) => ({
  id,
  kind: 'article',
  languages: ['vi'],
  title: id,
  files: [{ path: file, language: 'vi', content }, ...extra],
});

test('a file altered or deleted on disk after install is said in place, and other materials still open', async ({ app }, testInfo) => {
  const altered = '# Hướng dẫn gốc\n\nNội dung đã được ký.\n';
  const deleted = '# Bài sẽ mất\n\nTệp này bị xóa khỏi máy.\n';
  const png = await readFile(path.resolve('resources/demo-pack/source/images/kiem-tra-truoc-khi-chia-se.png'));
  await installItems(app, testInfo.outputPath('work'), [
    article('bai-sua', 'articles/sua.md', altered),
    article('bai-mat', 'articles/mat.md', deleted),
    article('bai-anh', 'articles/anh.md', '# Bài có ảnh\n\n![Ảnh minh họa](../images/anh.png)\n\nVẫn đọc được chữ.\n', [
      { path: 'images/anh.png', content: png },
    ]),
    article('bai-tot', 'articles/tot.md', '# Bài còn nguyên\n\nĐọc bình thường.\n'),
  ]);
  // Someone edits one file by hand and deletes two others (one of them an article's image).
  await writeFile(storedObject(app, altered), altered.replace('gốc', 'giả'));
  await rm(storedObject(app, deleted));
  await rm(storedObject(app, png));

  const damagedView = await openMaterial(app, packId, 'bai-sua');
  const damaged = damagedView.getByTestId('material-notice');
  await expect(damaged).toHaveAttribute('data-reason', 'damaged');
  await expect(damaged).toHaveText(
    'Tệp “articles/sua.md” không khớp chữ ký, không hiển thị. Tệp có thể đã hỏng hoặc bị sửa đổi; hãy cài lại gói từ nguồn tin cậy.',
  );
  await expect(damagedView).not.toContainText('Hướng dẫn giả');
  // Where it comes from is still said around the notice.
  await expect(damagedView.getByTestId('material-provenance')).toContainText('Phát hành: Sở Y tế (thử nghiệm)');

  const missing = (await openMaterial(app, packId, 'bai-mat')).getByTestId('material-notice');
  await expect(missing).toHaveAttribute('data-reason', 'missing');
  await expect(missing).toHaveText(
    'Tệp “articles/mat.md” bị thiếu trên máy này nên không hiển thị được. Hãy cài lại gói hoặc đồng bộ để lấy lại tệp.',
  );

  // An article whose image is gone shows its text, and the notice where the image was.
  const withImage = await openMaterial(app, packId, 'bai-anh');
  await expect(withImage.getByTestId('article-body')).toContainText('Vẫn đọc được chữ.');
  const imageNotice = withImage.getByTestId('article-body').getByTestId('material-notice');
  await expect(imageNotice).toHaveText(
    'Tệp “images/anh.png” bị thiếu trên máy này nên không hiển thị được. Hãy cài lại gói hoặc đồng bộ để lấy lại tệp.',
  );

  const good = await openMaterial(app, packId, 'bai-tot');
  await expect(good.getByTestId('article-body').getByRole('heading', { level: 1 })).toHaveText('Bài còn nguyên');
  await expect(good.getByTestId('material-notice')).toHaveCount(0);
  const demo = await openMaterial(app, demoPackId, 'nhan-biet-tin-gia');
  await expect(demo.getByTestId('article-body').getByRole('heading', { level: 1 })).toBeVisible();
});

test('an image that does not decode and a sound the runtime cannot play are said at once; the app goes on', async ({ app }, testInfo) => {
  await installItems(app, testInfo.outputPath('work'), [
    {
      id: 'anh-hong',
      kind: 'image',
      languages: ['vi'],
      title: 'Ảnh hỏng',
      files: [{ path: 'images/hong.png', language: 'vi', content: undecodablePng() }],
    },
    {
      id: 'loa-hong',
      kind: 'audio',
      languages: ['vi'],
      title: 'Bản tin hỏng',
      files: [{ path: 'audio/hong.ogg', language: 'vi', content: unplayableOgg() }],
    },
  ]);
  const image = (await openMaterial(app, packId, 'anh-hong')).getByTestId('material-notice');
  await expect(image).toHaveAttribute('data-reason', 'unsupported');
  await expect(image).toHaveText(
    'Không hiển thị được ảnh “images/hong.png”: tệp ảnh bị lỗi hoặc máy này không đọc được định dạng ảnh này.',
  );

  const sound = await openMaterial(app, packId, 'loa-hong');
  const notice = sound.getByTestId('material-notice');
  await expect(notice).toHaveText('Máy này không phát được tệp âm thanh “audio/hong.ogg” (định dạng audio/ogg).');
  await expect(sound.getByTestId('audio-player')).toHaveCount(0);

  // A good sound still plays after.
  const demo = (await openMaterial(app, demoPackId, 'loa-thong-diep-5k')).getByTestId('audio-player');
  await demo.getByTestId('media-toggle').click();
  await expect(demo).toHaveAttribute('data-playing', 'true');
  await expect.poll(() => demo.locator('audio').evaluate((element) => (element as HTMLAudioElement).currentTime)).toBeGreaterThan(0.2);
  await demo.getByTestId('media-toggle').click();
  await expect(demo).toHaveAttribute('data-playing', 'false');
});

test('broken Markdown and a gigantic single line render, and the app stays responsive', async ({ app }, testInfo) => {
  const broken = [
    '# Tiêu đề chưa đóng **đậm',
    '',
    '[liên kết chưa đóng](articles/',
    '',
    '| cột | thiếu',
    '|---',
    '| a | b | c | d |',
    '',
    `${'> '.repeat(60)}trích dẫn lồng rất sâu`,
    '',
    `${'['.repeat(2000)}${'*_'.repeat(2000)}`,
    '',
    '```js',
    'khối mã không bao giờ đóng',
    '',
    '## Không phải tiêu đề',
  ].join('\n');
  const line = `${'Khẩu trang, khử khuẩn, khoảng cách. '.repeat(30_000)}HẾT DÒNG`;
  expect(line.length).toBeGreaterThan(1_000_000);
  await installItems(app, testInfo.outputPath('work'), [
    article('hong', 'articles/hong.md', broken),
    article('dong-dai', 'articles/dong-dai.md', `# Một dòng rất dài\n\n${line}\n`),
  ]);

  const brokenView = await openMaterial(app, packId, 'hong');
  const body = brokenView.getByTestId('article-body');
  await expect(body.getByRole('heading', { level: 1 })).toContainText('Tiêu đề chưa đóng');
  await expect(body).toContainText('trích dẫn lồng rất sâu');
  await expect(body.locator('pre')).toContainText('## Không phải tiêu đề');
  await expect(brokenView.locator('.article-viewer')).toHaveAttribute('data-status', 'done');
  await expect(brokenView.getByTestId('material-notice')).toHaveCount(0);

  const longView = await openMaterial(app, packId, 'dong-dai');
  await expect(longView.locator('.article-viewer')).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(longView.getByTestId('article-body').getByRole('heading', { level: 1 })).toHaveText('Một dòng rất dài');
  expect(await longView.getByTestId('article-body').evaluate((element) => element.textContent?.trimEnd().endsWith('HẾT DÒNG'))).toBe(true);
  // The page answers at once: back to the list.
  await app.page.getByTestId('back-to-library').click();
  await openLibrary(app);
  await expect(app.page.getByTestId('library-status')).toContainText('tài liệu, mới nhất trước');
});
