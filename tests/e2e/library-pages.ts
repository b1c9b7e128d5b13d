// Getting around the library as a person would: install a pack from the Sync place, open
// the library, open a material; and the demo pack's ids and texts the specs look for.
import type { Page } from '@playwright/test';
import { expect, type ChiengApp } from './fixtures';
import { navLink } from './ui-text';

export const demoPackId = 'vn.chieng.demo.covid19';
export const demoPackTitle = 'Gói tài liệu mẫu (demo): Phòng, chống COVID-19';
export const demoPublisher = 'Nhóm phát triển Chiêng (tài liệu mẫu)';
export const demoMaterialCount = 10;
/** Demo materials the plan and presentation specs use, by id and by title. */
export const demoMaterialIds = {
  fiveK: `${demoPackId}/thong-diep-5k`,
  image: `${demoPackId}/anh-thong-diep-5k`,
  udhr: `${demoPackId}/nhan-quyen-dieu-1-jrai`,
};
export const demoMaterialTitles = {
  fiveK: 'Thông điệp 5K phòng, chống dịch COVID-19',
  image: 'Ảnh: Thông điệp 5K',
  udhr: "Tuyên ngôn Quốc tế Nhân quyền, Điều 1 (tiếng J'rai và tiếng Việt)",
};

/** Installs a `.chieng` file through the Sync place's file picker and waits for the outcome. */
export async function installPack(app: ChiengApp, file: string, title: string): Promise<void> {
  await navLink(app.page, 'sync').click();
  await app.page.locator('input[type=file]').setInputFiles(file);
  await expect(app.page.getByTestId('import-outcome')).toContainText(`Đã cài gói “${title}”`);
}

export async function openLibrary(app: ChiengApp): Promise<void> {
  await navLink(app.page, 'library').click();
  await expect(app.page.getByTestId('library-status')).toContainText('tài liệu');
}

/** Opens one material as its link in the list does, and waits for its view. */
export async function openMaterial(app: ChiengApp, packId: string, itemId: string) {
  await app.page.evaluate((hash) => (window.location.hash = hash), `#/library/${encodeURIComponent(packId)}/${encodeURIComponent(itemId)}`);
  const view = app.page.locator(`[data-testid="material-view"][data-material-id="${packId}/${itemId}"]`);
  await expect(view).toBeVisible();
  return view;
}

export const materialRow = (app: ChiengApp, materialId: string) =>
  app.page.locator(`[data-testid="material-row"][data-material-id="${materialId}"]`);
export const searchHit = (app: ChiengApp, materialId: string) =>
  app.page.locator(`[data-testid="search-hit"][data-material-id="${materialId}"]`);

/** The materials of the open plan, in its order. */
export const planItemIds = (page: Page) =>
  page.getByTestId('plan-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-material-id')));

/** Opens the library's plans, creates one by name, and adds demo materials from the list in this order. */
export async function preparePlan(page: Page, title: string, materials: readonly string[]): Promise<string> {
  await navLink(page, 'library').click();
  await page.getByTestId('tab-plans').click();
  await expect(page.getByTestId('plans-empty')).toHaveText('Chưa có kế hoạch nào. Hãy đặt tên để tạo kế hoạch đầu tiên.');
  await page.getByLabel('Tên kế hoạch mới').fill(title);
  await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  const editor = page.getByTestId('plan-editor');
  await expect(editor.getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(editor).toContainText('Kế hoạch chưa có tài liệu nào.');
  await expect(editor.getByTestId('present-plan')).toBeDisabled();
  const planId = (await editor.getAttribute('data-plan-id')) ?? '';
  expect(planId).not.toBe('');

  await page.getByTestId('add-materials').click();
  await expect(page.getByTestId('active-plan').locator('option:checked')).toHaveText(title);
  for (const id of materials) {
    const row = page.locator(`[data-testid="material-row"][data-material-id="${id}"]`);
    await row.getByTestId('toggle-plan').click();
    await expect(row.getByTestId('toggle-plan')).toContainText('Bỏ khỏi kế hoạch');
    await expect(row).toContainText('Đã có trong kế hoạch');
  }
  const bar = page.getByTestId('plan-bar');
  await expect(bar).toContainText(`${materials.length} tài liệu`);
  await bar.getByRole('link', { name: 'Mở kế hoạch' }).click();
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  return planId;
}
