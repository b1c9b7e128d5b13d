// Presentation mode at a village meeting: a session plan prepared ahead in the library and
// opened later, walked through with the keyboard (or a presenter's clicker), its text made
// larger for the back of the room, its language chosen, and left with Esc to where the
// presenter was; a single material presented on its own; a long article cut into slides.
import type { Page } from '@playwright/test';
import { buildTestPack } from '../../support/pack-fixtures';
import { expect, test } from '../fixtures';
import { demoMaterialIds, demoMaterialTitles, demoPackId, installPack, planItemIds, preparePlan } from '../library-pages';
import { officialPublisher } from '../trusted-publisher';
import { navLink } from '../ui-text';

// Restarts, pack installs and many slides: more than the default time on a busy machine.
test.describe.configure({ timeout: 90_000 });

const demo = demoPackId;
const titles = demoMaterialTitles;
const ids = demoMaterialIds;

const presentation = (page: Page) => page.getByTestId('presentation');
const counter = (page: Page) => page.getByTestId('slide-counter');
const slide = (page: Page) => page.getByTestId('slide');

/** The presentation's own text size, as the slide's body text is drawn. */
const bodyFontPx = (page: Page) =>
  slide(page)
    .locator('p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
const headingFontPx = (page: Page) =>
  slide(page)
    .locator('h1, h2')
    .first()
    .evaluate((h) => parseFloat(getComputedStyle(h).fontSize));

test('a plan prepared ahead and reordered by keyboard is there after a restart, and presents in its order with the keyboard', async ({
  app,
}) => {
  // It closes the app and starts it again: on a loaded machine that alone takes seconds.
  test.slow();
  const planTitle = 'Họp buôn Ea Bhốk, tối thứ Tư';
  const planId = await preparePlan(app.page, planTitle, [ids.fiveK, ids.image, ids.udhr]);
  const page = app.page;
  expect(await planItemIds(page)).toEqual([ids.fiveK, ids.image, ids.udhr]);

  // The Declaration goes first: its "up" button, pressed twice from the keyboard; the focus
  // stays with the moved material, so the second press moves it again.
  const up = page.getByRole('button', { name: `Chuyển “${titles.udhr}” lên trên` });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plan-editor').getByRole('status')).toHaveText(`Đã chuyển “${titles.udhr}” đến vị trí 2 trên 3.`);
  await expect(up).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plan-editor').getByRole('status')).toHaveText(`Đã chuyển “${titles.udhr}” đến vị trí 1 trên 3.`);
  expect(await planItemIds(page)).toEqual([ids.udhr, ids.fiveK, ids.image]);
  // At the top its "up" is disabled; the focus went to its "down", not lost to the page.
  await expect(up).toBeDisabled();
  await expect(page.getByRole('button', { name: `Chuyển “${titles.udhr}” xuống dưới` })).toBeFocused();
  // The image down below the 5K article with Space, the other way keys press buttons.
  await page.getByRole('button', { name: `Chuyển “${titles.fiveK}” xuống dưới` }).focus();
  await page.keyboard.press('Space');
  await expect.poll(() => planItemIds(page)).toEqual([ids.udhr, ids.image, ids.fiveK]);
  await page.getByRole('button', { name: `Chuyển “${titles.fiveK}” lên trên` }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => planItemIds(page)).toEqual([ids.udhr, ids.fiveK, ids.image]);
  // The screen shows an edit at once and saves it just after; closing the app in between
  // is not what this test is about, so it waits for the core to hold the last order.
  const savedOrder = async () =>
    ((await app.callCore('plans.list', {})) as { value: { plans: { id: string; materials: string[] }[] } }).value.plans.find(
      (plan) => plan.id === planId,
    )?.materials;
  await expect.poll(savedOrder).toEqual([ids.udhr, ids.fiveK, ids.image]);

  // Opened later: the app is closed and started again.
  const later = await app.restart();
  await navLink(later, 'library').click();
  await later.getByTestId('tab-plans').click();
  const summary = later.locator(`[data-testid="plan-summary"][data-plan-id="${planId}"]`);
  await expect(summary).toContainText(planTitle);
  await expect(summary).toContainText('3 tài liệu');
  await summary.getByRole('link', { name: planTitle, exact: true }).click();
  await expect(later.getByTestId('plan-editor').getByRole('heading', { level: 2 })).toHaveText(planTitle);
  await expect(later.getByTestId('plan-item')).toHaveCount(3);
  expect(await planItemIds(later)).toEqual([ids.udhr, ids.fiveK, ids.image]);

  await later.getByTestId('present-plan').click();
  await expect(presentation(later)).toBeVisible();
  await expect(presentation(later)).toHaveAttribute('aria-label', `Trình chiếu: ${planTitle}`);
  // The presentation takes the whole window: no sidebar, no page around it.
  await expect(later.locator('nav a[data-place]')).toHaveCount(0);
  const box = await presentation(later).boundingBox();
  const viewport = later.viewportSize();
  expect(box).toEqual({ x: 0, y: 0, width: viewport?.width, height: viewport?.height });

  // The Declaration in Vietnamese: 3 slides (its text, "why this is here", the source after
  // the rule); the 5K message: the introduction, one per K, the source; the image: 1.
  const total = 3 + 7 + 1;
  const at = async (n: number, text: string) => {
    await expect(counter(later)).toHaveText(`${n} / ${total}`);
    await expect(slide(later)).toContainText(text);
  };
  await at(1, 'Tuyên ngôn Quốc tế Nhân quyền – Điều 1');
  await expect(slide(later)).toContainText('Tất cả mọi người sinh ra đều được tự do và bình đẳng');
  await expect(slide(later)).not.toContainText('Vì sao có bài này');
  await expect(later.getByRole('button', { name: 'Trang trước' })).toBeDisabled();
  await later.keyboard.press('ArrowRight');
  await at(2, 'Vì sao có bài này trong gói mẫu');
  await later.keyboard.press(' ');
  await at(3, 'Nguồn: Tuyên ngôn Quốc tế Nhân quyền');
  await later.keyboard.press('PageDown');
  await at(4, titles.fiveK);
  await expect(slide(later)).toContainText('Khẩu trang – Khử khuẩn – Khoảng cách – Không tập trung – Khai báo y tế');
  await later.keyboard.press('ArrowRight');
  await at(5, '1. Khẩu trang');
  await later.keyboard.press('ArrowLeft');
  await at(4, titles.fiveK);
  await later.keyboard.press('PageUp');
  await at(3, 'Nguồn: Tuyên ngôn Quốc tế Nhân quyền');
  await later.keyboard.press('End');
  await expect(counter(later)).toHaveText(`${total} / ${total}`);
  await expect(slide(later).getByRole('img', { name: titles.image })).toBeVisible();
  await expect(later.getByRole('button', { name: 'Trang sau' })).toBeDisabled();
  // Past the end and before the start, nothing moves.
  await later.keyboard.press('ArrowRight');
  await expect(counter(later)).toHaveText(`${total} / ${total}`);
  await later.keyboard.press('ArrowLeft');
  await at(total - 1, 'Nguồn: Bộ Y tế, Thông điệp 5K (2020)');
  await later.keyboard.press('Home');
  await at(1, 'Tuyên ngôn Quốc tế Nhân quyền – Điều 1');
  await later.keyboard.press('PageUp');
  await expect(counter(later)).toHaveText(`1 / ${total}`);
  // The on-screen buttons move too, for a presenter with a mouse.
  await later.getByRole('button', { name: 'Trang sau' }).click();
  await at(2, 'Vì sao có bài này trong gói mẫu');
  await later.getByRole('button', { name: 'Trang trước' }).click();
  await at(1, 'Tuyên ngôn Quốc tế Nhân quyền – Điều 1');

  // Esc: back to the plan the presenter came from.
  await later.keyboard.press('Escape');
  await expect(presentation(later)).toHaveCount(0);
  await expect(later.getByTestId('plan-editor').getByRole('heading', { level: 2 })).toHaveText(planTitle);
  expect(new URL(later.url()).hash).toBe(`#/library/plans/${encodeURIComponent(planId)}`);
  await expect(navLink(later, 'library')).toHaveAttribute('aria-current', 'page');
});

test('the text-size control makes the slide text larger and smaller, headings too', async ({ app }) => {
  const { page } = app;
  await page.goto(`${new URL(page.url()).origin}/#/present/material/${demo}/thong-diep-5k`);
  await expect(counter(page)).toHaveText('1 / 7');
  await expect(page.getByText('Cỡ chữ 175%')).toBeVisible();
  const body = await bodyFontPx(page);
  const heading = await headingFontPx(page);

  await page.getByRole('button', { name: 'Chữ lớn hơn' }).click();
  await expect(page.getByText('Cỡ chữ 200%')).toBeVisible();
  const largerBody = await bodyFontPx(page);
  expect(largerBody).toBeGreaterThan(body);
  expect(largerBody / body).toBeCloseTo(200 / 175, 2);
  expect(await headingFontPx(page)).toBeGreaterThan(heading);

  // From the keyboard as well: "+" twice (to the largest), then "-" twice.
  await page.keyboard.press('+');
  await expect(page.getByText('Cỡ chữ 250%')).toBeVisible();
  expect(await bodyFontPx(page)).toBeCloseTo((body * 250) / 175, 1);
  await page.keyboard.press('+');
  await expect(page.getByText('Cỡ chữ 300%')).toBeVisible();
  expect(await bodyFontPx(page)).toBeCloseTo((body * 300) / 175, 1);
  await page.keyboard.press('+');
  await expect(page.getByText('Cỡ chữ 300%')).toBeVisible();
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(page.getByText('Cỡ chữ 200%')).toBeVisible();
  expect(await bodyFontPx(page)).toBeCloseTo(largerBody, 1);
  // The size stays as the slides change.
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toHaveText('2 / 7');
  expect(await bodyFontPx(page)).toBeCloseTo(largerBody, 1);

  for (let step = 0; step < 5; step += 1) await page.getByRole('button', { name: 'Chữ nhỏ hơn' }).click();
  await expect(page.getByText('Cỡ chữ 100%')).toBeVisible();
  expect(await bodyFontPx(page)).toBeLessThan(body);
});

test('a material in two languages is presented in the one the presenter chooses', async ({ app }) => {
  const { page } = app;
  await page.goto(`${new URL(page.url()).origin}/#/present/material/${demo}/thong-diep-5k`);
  await expect(counter(page)).toHaveText('1 / 7');
  await expect(slide(page)).toHaveAttribute('lang', 'vi');
  await expect(slide(page)).toContainText(titles.fiveK);
  const language = page.getByRole('combobox', { name: 'Ngôn ngữ' });
  await expect(language.locator('option')).toHaveText(['Tiếng Việt', 'Ê Đê']);

  await language.selectOption({ label: 'Ê Đê' });
  await expect(counter(page)).toHaveText('1 / 1');
  await expect(slide(page)).toHaveAttribute('lang', 'rad');
  await expect(slide(page)).toContainText('Thông điệp 5K – bản tiếng Ê Đê (chưa có)');
  await language.selectOption({ label: 'Tiếng Việt' });
  await expect(counter(page)).toHaveText('1 / 7');
  await expect(slide(page)).toContainText(titles.fiveK);
  await page.getByRole('button', { name: 'Trang sau' }).click();
  await expect(counter(page)).toHaveText('2 / 7');

  // A material in one language offers no choice.
  // Another material, from its address: it starts at its first slide, not where the last one was.
  await page.goto(`${new URL(page.url()).origin}/#/present/material/${demo}/nhan-biet-tin-gia`);
  await expect(counter(page)).toHaveText(/^1 \/ \d+$/);
  await expect(slide(page)).toContainText('Nhận biết và báo cáo tin giả');
  await expect(page.getByRole('combobox', { name: 'Ngôn ngữ' })).toHaveCount(0);
});

test('a single material presented from its page, and Esc returns to it', async ({ app }) => {
  const { page } = app;
  await navLink(page, 'library').click();
  await page.locator(`[data-testid="material-row"][data-material-id="${ids.image}"]`).getByRole('link', { name: titles.image }).click();
  await expect(page.getByTestId('material-detail')).toBeVisible();
  const materialPage = page.url();

  await page.getByTestId('present-material').click();
  await expect(presentation(page)).toHaveAttribute('aria-label', `Trình chiếu: ${titles.image}`);
  await expect(counter(page)).toHaveText('1 / 1');
  const image = slide(page).getByRole('img', { name: titles.image });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(slide(page)).toContainText(titles.image);
  await expect(page.getByRole('button', { name: 'Trang trước' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Trang sau' })).toBeDisabled();

  await page.keyboard.press('Escape');
  await expect(presentation(page)).toHaveCount(0);
  await expect(page.getByTestId('material-detail')).toHaveAttribute('data-material-id', ids.image);
  expect(page.url()).toBe(materialPage);

  // The close button does the same.
  await page.evaluate(() => {
    window.location.hash = '#/present/material/vn.chieng.demo.covid19/nhan-biet-tin-gia';
  });
  await expect(slide(page)).toContainText('Nhận biết và báo cáo tin giả');
  await page.getByRole('button', { name: 'Thoát trình chiếu (Esc)' }).click();
  await expect(page.getByTestId('material-detail')).toHaveAttribute('data-material-id', ids.image);

  // An address for something not on this laptop says so.
  await page.evaluate(() => {
    window.location.hash = '#/present/material/vn.test.khong-co/bai-viet';
  });
  await expect(presentation(page).getByRole('alert')).toHaveText('Không tìm thấy kế hoạch hay tài liệu này trên máy.');
  await expect(counter(page)).toHaveText('0 / 0');
});

test('the full-screen control puts the presentation on the whole screen and takes it off', async ({ app }) => {
  const { page } = app;
  await page.goto(`${new URL(page.url()).origin}/#/present/material/${demo}/thong-diep-5k`);
  await expect(counter(page)).toHaveText('1 / 7');
  const fullScreen = () => page.evaluate(() => document.fullscreenElement !== null);
  await page.getByRole('button', { name: 'Toàn màn hình (F)' }).click();
  await expect.poll(fullScreen).toBe(true);
  // Slides still move while full screen.
  await page.keyboard.press('ArrowRight');
  await expect(counter(page)).toHaveText('2 / 7');
  await page.keyboard.press('f');
  await expect.poll(fullScreen).toBe(false);
  await expect(presentation(page)).toBeVisible();
});

test('a long article is cut into several slides, each of a readable length, losing nothing and keeping order', async ({
  app,
}, testInfo) => {
  const work = testInfo.outputPath('work');
  const { publisher } = await officialPublisher(app, work);
  // One section of eight paragraphs (about 250 characters each), then a second, short one.
  const paragraph = (n: number) =>
    `Đoạn ${n}: Bà con trong buôn cần đeo khẩu trang khi đến chỗ đông người, rửa tay bằng xà phòng trước khi ăn và sau khi đi làm rẫy về, giữ nhà cửa sạch sẽ và thông thoáng, đưa người có dấu hiệu sốt, ho, khó thở tới trạm y tế xã để được khám kịp thời.`;
  const paragraphs = Array.from({ length: 8 }, (_, index) => paragraph(index + 1));
  const article = [
    '# Hướng dẫn dài cho buổi họp buôn',
    '',
    ...paragraphs.flatMap((text) => [text, '']),
    '## Phần cuối',
    '',
    'Cảm ơn bà con đã lắng nghe.',
    '',
  ].join('\n');
  const file = await buildTestPack(work, publisher, {
    id: 'vn.test.bai-dai',
    title: 'Gói bài dài (thử nghiệm)',
    items: [
      {
        id: 'huong-dan-dai',
        kind: 'article',
        languages: ['vi'],
        title: 'Hướng dẫn dài cho buổi họp buôn',
        files: [{ path: 'articles/dai.md', content: article }],
      },
    ],
  });
  await installPack(app, file, 'Gói bài dài (thử nghiệm)');

  const { page } = app;
  await page.evaluate(() => {
    window.location.hash = '#/present/material/vn.test.bai-dai/huong-dan-dai';
  });
  await expect(counter(page)).toHaveText(/^1 \/ \d+$/);
  const total = Number((await counter(page).innerText()).split('/')[1]);
  // About 600 characters a slide: two paragraphs each, then the closing section on its own.
  expect(total).toBe(5);
  const shown: string[] = [];
  for (let n = 1; n <= total; n += 1) {
    await expect(counter(page)).toHaveText(`${n} / ${total}`);
    const text = await slide(page).innerText();
    expect(text.length, `slide ${n}`).toBeLessThanOrEqual(700);
    shown.push(text);
    await page.keyboard.press('PageDown');
  }
  expect(shown[0]).toMatch(/^Hướng dẫn dài cho buổi họp buôn\s+Đoạn 1:/);
  expect(shown.at(-1)).toMatch(/^Phần cuối\s+Cảm ơn bà con đã lắng nghe\.$/);
  // Every paragraph on exactly one slide, in order.
  const all = shown.join('\n');
  const where = paragraphs.map((text) => {
    const first = all.indexOf(text);
    expect(first, text.slice(0, 8)).toBeGreaterThanOrEqual(0);
    expect(all.indexOf(text, first + 1), text.slice(0, 8)).toBe(-1);
    return first;
  });
  expect([...where].sort((a, b) => a - b)).toEqual(where);
});
