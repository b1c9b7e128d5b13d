import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { buildTestPack } from '../../support/pack-fixtures';
import { expect, test, type ChiengApp } from '../fixtures';
import {
  demoMaterialCount,
  demoPackId,
  demoPackTitle,
  demoPublisher,
  installPack,
  materialRow,
  openLibrary,
  openMaterial,
  searchHit,
} from '../library-pages';
import { officialPublisher } from '../trusted-publisher';

// Packs built, signed and installed, media decoded, a browser per test: more than the
// default time when the machine is busy.
test.describe.configure({ timeout: 90_000 });

const status = (app: ChiengApp) => app.page.getByTestId('library-status');
const filter = (app: ChiengApp, name: 'packId' | 'topic' | 'language' | 'kind') => app.page.locator(`select[data-filter="${name}"]`);
/** The ids of the rows listed; the list is short enough here that every row is rendered. */
const listedIds = (app: ChiengApp) =>
  app.page.getByTestId('material-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-material-id')).sort());
const today = () =>
  new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

test('the demo pack’s materials are listed with where they come from: demo, publisher, pack and version, signed date', async ({ app }) => {
  await openLibrary(app);
  await expect(status(app)).toHaveText(`${demoMaterialCount} tài liệu, mới nhất trước`);
  const row = materialRow(app, `${demoPackId}/thong-diep-5k`);
  await expect(row.getByRole('link')).toHaveText('Thông điệp 5K phòng, chống dịch COVID-19');
  await expect(row.locator('.material-facts')).toContainText('Bài viết');
  await expect(row.locator('.material-facts')).toContainText('Tiếng Việt, Ê Đê');
  await expect(row.getByTestId('badge-demo')).toHaveText('Tài liệu mẫu (demo), không phải thông tin chính thống');
  await expect(row.locator('.provenance-text')).toHaveText(`${demoPublisher} · Gói “${demoPackTitle}”, phiên bản 1 · Ký ngày 20/11/2026`);
  // Every demo material says it is demo; none claims to be official.
  await expect(app.page.getByTestId('material-row').getByTestId('badge-demo')).toHaveCount(
    await app.page.getByTestId('material-row').count(),
  );
  await expect(app.page.getByTestId('badge-official')).toHaveCount(0);

  // Opened, it says the same at its head.
  await row.getByRole('link').click();
  const provenance = app.page.getByTestId('material-provenance');
  await expect(provenance.getByTestId('badge-demo')).toBeVisible();
  await expect(provenance).toContainText(`Phát hành: ${demoPublisher}`);
  await expect(provenance).toContainText(`Gói “${demoPackTitle}”, phiên bản 1`);
  await expect(provenance).toContainText('Ký ngày 20/11/2026');
  await app.page.getByTestId('back-to-library').click();
  await expect(status(app)).toHaveText(`${demoMaterialCount} tài liệu, mới nhất trước`);
});

test('an official pack shows as official, and the pack, language and kind filters narrow the list', async ({ app }, testInfo) => {
  const work = testInfo.outputPath('work');
  const { publisher } = await officialPublisher(app, work);
  const png = await readFile(path.resolve('resources/demo-pack/source/images/5k.png'));
  const pack = await buildTestPack(work, publisher, {
    id: 'vn.test.phong-dich',
    title: 'Hướng dẫn phòng dịch (thử nghiệm)',
    items: [
      {
        id: 'rua-tay',
        kind: 'article',
        languages: ['vi'],
        topics: ['covid19'],
        title: 'Rửa tay đúng cách',
        files: [{ path: 'articles/rua-tay.md', content: '# Rửa tay đúng cách\n\nRửa tay bằng xà phòng.\n', language: 'vi' }],
      },
      {
        id: 'anh-rua-tay',
        kind: 'image',
        languages: ['vi'],
        topics: ['covid19'],
        title: 'Ảnh: rửa tay',
        files: [{ path: 'images/rua-tay.png', content: png, language: 'vi' }],
      },
    ],
  });
  await installPack(app, pack, 'Hướng dẫn phòng dịch (thử nghiệm)');
  await openLibrary(app);
  const total = demoMaterialCount + 2;
  await expect(status(app)).toHaveText(`${total} tài liệu, mới nhất trước`);

  const official = materialRow(app, 'vn.test.phong-dich/rua-tay');
  await expect(official.getByTestId('badge-official')).toHaveText('Chính thống');
  await expect(official.getByTestId('badge-demo')).toHaveCount(0);
  await expect(official.locator('.provenance-text')).toHaveText(
    `Sở Y tế (thử nghiệm) · Gói “Hướng dẫn phòng dịch (thử nghiệm)”, phiên bản 1 · Ký ngày ${today()}`,
  );
  // Newest first: the pack signed today comes before the demo pack.
  const first = await app.page.getByTestId('material-row').first().getAttribute('data-material-id');
  expect(first?.startsWith('vn.test.phong-dich/')).toBe(true);

  // The pack filter names the demo pack as demo.
  await expect(filter(app, 'packId').locator('option')).toHaveText([
    'Tất cả',
    `${demoPackTitle} (mẫu – demo)`,
    'Hướng dẫn phòng dịch (thử nghiệm)',
  ]);
  await filter(app, 'packId').selectOption('vn.test.phong-dich');
  await expect(status(app)).toHaveText(`2 trong số ${total} tài liệu khớp bộ lọc`);
  await expect.poll(() => listedIds(app)).toEqual(['vn.test.phong-dich/anh-rua-tay', 'vn.test.phong-dich/rua-tay']);

  // Kind across packs, then within the demo pack only.
  await app.page.getByRole('button', { name: 'Bỏ lọc' }).click();
  await filter(app, 'kind').selectOption({ label: 'Hình ảnh' });
  await expect(status(app)).toHaveText(`3 trong số ${total} tài liệu khớp bộ lọc`);
  await expect
    .poll(() => listedIds(app))
    .toEqual([`${demoPackId}/anh-kiem-tra-truoc-khi-chia-se`, `${demoPackId}/anh-thong-diep-5k`, 'vn.test.phong-dich/anh-rua-tay']);
  await filter(app, 'packId').selectOption(demoPackId);
  await expect(status(app)).toHaveText(`2 trong số ${total} tài liệu khớp bộ lọc`);

  // Language: the J'rai materials, whatever their kind.
  await app.page.getByRole('button', { name: 'Bỏ lọc' }).click();
  await expect(status(app)).toHaveText(`${total} tài liệu, mới nhất trước`);
  await filter(app, 'language').selectOption({ label: "J'rai" });
  await expect(status(app)).toHaveText(`2 trong số ${total} tài liệu khớp bộ lọc`);
  await expect.poll(() => listedIds(app)).toEqual([`${demoPackId}/nhan-quyen-dieu-1-jrai`, `${demoPackId}/to-roi-thong-diep-5k`]);
  await filter(app, 'language').selectOption({ label: 'Ê Đê' });
  await expect.poll(() => listedIds(app)).toEqual([`${demoPackId}/thong-diep-5k`]);
});

test('a pack past its expiry date is marked expired in the list and in the material', async ({ app }, testInfo) => {
  const work = testInfo.outputPath('work');
  const { publisher } = await officialPublisher(app, work);
  const pack = await buildTestPack(work, publisher, {
    id: 'vn.test.cu',
    title: 'Hướng dẫn cũ (thử nghiệm)',
    publishedAt: '2024-01-01T00:00:00.000Z',
    expiresAt: '2025-01-01T00:00:00.000Z',
  });
  await installPack(app, pack, 'Hướng dẫn cũ (thử nghiệm)');
  await openLibrary(app);
  // Signed long ago, it is listed last; the demo pack, still valid, first and unmarked.
  await expect(status(app)).toHaveText(`${demoMaterialCount + 1} tài liệu, mới nhất trước`);
  await expect(app.page.getByTestId('material-row').first().locator('.provenance')).not.toContainText('hết hạn');
  await filter(app, 'packId').selectOption('vn.test.cu');
  const row = materialRow(app, 'vn.test.cu/bai-viet');
  await expect(row.locator('.provenance')).toContainText('Gói đã hết hạn');
  await openMaterial(app, 'vn.test.cu', 'bai-viet');
  await expect(app.page.getByTestId('material-expired')).toHaveText('Gói đã hết hạn');
  await expect(app.page.locator('.material-caution')).toHaveText(
    'Gói tài liệu này đã hết hạn, nội dung có thể đã cũ. Hãy đồng bộ để nhận phiên bản mới trước khi dùng.',
  );
});

test('search without diacritics finds the material and highlights the match', async ({ app }) => {
  await openLibrary(app);
  const search = app.page.getByTestId('library-search');

  await search.fill('khau trang');
  const fiveK = searchHit(app, `${demoPackId}/thong-diep-5k`);
  await expect(fiveK).toBeVisible();
  await expect(status(app)).toHaveText(/^\d+ tài liệu có “khau trang”$/);
  // The snippet marks the words as written, with their accents.
  const marked = fiveK.locator('.material-snippet mark');
  await expect(marked.first()).toBeVisible();
  expect((await marked.allInnerTexts()).join(' ').toLowerCase()).toMatch(/khẩu.*trang|khẩu trang/);
  // Materials without the words are not listed.
  await expect(searchHit(app, `${demoPackId}/anh-kiem-tra-truoc-khi-chia-se`)).toHaveCount(0);

  await search.fill('dak lak');
  const directive = searchHit(app, `${demoPackId}/chi-thi-ubnd-dak-lak-2021-08-06`);
  await expect(directive.locator('.material-title mark').first()).toBeVisible();
  expect((await directive.locator('.material-title mark').allInnerTexts()).join(' ')).toMatch(/Đắk\s*Lắk/);
  // A result opens like any row.
  await directive.getByRole('link').click();
  await expect(app.page.getByTestId('material-title')).toContainText('Chỉ thị của Chủ tịch UBND tỉnh Đắk Lắk');
});

test('a 10,000-character search and a search of only symbols are answered without error, and search still works after', async ({ app }) => {
  await openLibrary(app);
  const search = app.page.getByTestId('library-search');
  const alerts = app.page.getByRole('alert');

  const words = Array.from({ length: 3000 }, (_, index) => (index % 7 === 0 ? 'khẩu trang' : `tu${index.toString(36)}`)).join(' ');
  const long = words.slice(0, 10_000);
  expect(long).toHaveLength(10_000);
  await search.fill(long);
  // The long query is echoed shortened, with an answer rather than an error.
  await expect(status(app)).toHaveText(/(tài liệu có|Không tìm thấy tài liệu nào có) “khẩu trang tu1 .{40,}…”/, { timeout: 15_000 });
  await expect(alerts).toHaveCount(0);

  await search.fill('!@#$%^&*()[]{}<>?/\\|~`\'";:.,-_=+…“”');
  await expect(status(app)).toHaveText('Không tìm thấy tài liệu nào có “!@#$%^&*()[]{}<>?/\\|~`\'";:.,-_=+…“””.');
  await expect(app.page.getByTestId('search-empty')).toHaveText('Hãy thử từ khác hoặc ít từ hơn, kiểm tra chính tả, hoặc bỏ bớt bộ lọc.');
  await expect(alerts).toHaveCount(0);

  await search.fill('tin gia');
  await expect(searchHit(app, `${demoPackId}/nhan-biet-tin-gia`)).toBeVisible();
  await app.page.getByRole('button', { name: 'Xóa nội dung tìm kiếm' }).click();
  await expect(status(app)).toHaveText(`${demoMaterialCount} tài liệu, mới nhất trước`);
});

test('a material opened from the list brings its summary, text, source and licence, with the focus on its title; an address of none says so', async ({
  app,
}, testInfo) => {
  const work = testInfo.outputPath('work');
  const { publisher } = await officialPublisher(app, work);
  const item = {
    id: 'nuoc-sach',
    kind: 'article',
    languages: ['vi'],
    title: 'Dùng nước sạch',
    summary: 'Đun sôi nước trước khi uống',
    source: 'Trung tâm Y tế huyện Cư M’gar',
    license: 'Được phổ biến rộng rãi',
    files: [{ path: 'bai/nuoc-sach.md', language: 'vi', content: '# Dùng nước sạch\n\nĐun **sôi** nước trước khi uống.\n' }],
  };
  await installPack(
    app,
    await buildTestPack(work, publisher, { id: 'vn.test.mo', title: 'Tài liệu để mở (thử nghiệm)', items: [item] }),
    'Tài liệu để mở (thử nghiệm)',
  );
  await openLibrary(app);
  await materialRow(app, 'vn.test.mo/nuoc-sach').getByRole('link').click();

  // The list carries none of these: they come when the material is opened.
  const view = app.page.locator('[data-testid="material-view"][data-material-id="vn.test.mo/nuoc-sach"]');
  await expect(view.getByTestId('material-title')).toBeFocused();
  await expect(view.locator('.material-summary')).toHaveText('Đun sôi nước trước khi uống');
  await expect(view.getByTestId('article-body').locator('strong')).toHaveText('sôi');
  await expect(view.getByTestId('material-source')).toContainText('Nguồn: Trung tâm Y tế huyện Cư M’gar');
  await expect(view.getByTestId('material-source')).toContainText('Giấy phép: Được phổ biến rộng rãi');

  // An address no installed pack holds, and one too long to be a material's, each say so.
  const missing = app.page.getByTestId('material-missing');
  await app.page.evaluate(() => (window.location.hash = '#/library/vn.test.mo/khong-co'));
  await expect(missing).toContainText('Tài liệu này không có trên máy: có thể gói chứa nó đã được gỡ hoặc cập nhật.');
  await expect(missing.getByRole('heading', { name: 'Không có tài liệu này' })).toBeFocused();
  await app.page.evaluate((hash) => (window.location.hash = hash), `#/library/vn.test.mo/${'a'.repeat(300)}`);
  await expect(missing.getByRole('alert')).toHaveText('Quá dài: tối đa 200 ký tự.');
  await missing.getByTestId('back-to-library').click();
  await expect(status(app)).toHaveText(`${demoMaterialCount + 1} tài liệu, mới nhất trước`);
});

test('a library longer than the rows sent first shows how many at once, and every row down to the last', async ({ app }, testInfo) => {
  const work = testInfo.outputPath('work');
  const { publisher } = await officialPublisher(app, work);
  const items = Array.from({ length: 60 }, (_, index) => ({
    id: `bai-${index + 1}`,
    kind: 'article',
    languages: ['vi'],
    title: `Bài số ${index + 1}`,
    files: [{ path: `bai/${index + 1}.md`, language: 'vi', content: `# Bài số ${index + 1}\n` }],
  }));
  await installPack(
    app,
    await buildTestPack(work, publisher, { id: 'vn.test.dai', title: 'Danh sách dài (thử nghiệm)', items }),
    'Danh sách dài (thử nghiệm)',
  );
  await openLibrary(app);
  const total = items.length + demoMaterialCount;
  await expect(status(app)).toHaveText(`${total} tài liệu, mới nhất trước`);
  await expect(app.page.getByTestId('material-row').first()).toHaveAttribute('aria-setsize', String(total));

  // The new pack's are listed first; the demo pack's, signed earlier, come last, at the end of the page.
  await app.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const last = app.page.locator(`[data-testid="material-row"][aria-posinset="${total}"]`);
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('data-material-id', new RegExp(`^${demoPackId.replace(/\./g, '\\.')}/`));
  await expect(last.getByTestId('badge-demo')).toBeVisible();
});
