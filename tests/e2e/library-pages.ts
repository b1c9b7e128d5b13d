// Getting around the library as a person would: install a pack from the Sync place, open
// the library, open a material; and the demo pack's ids and texts the specs look for.
import { expect, type ChiengApp } from './fixtures';
import { navLink } from './ui-text';

export const demoPackId = 'vn.chieng.demo.covid19';
export const demoPackTitle = 'Gói tài liệu mẫu (demo): Phòng, chống COVID-19';
export const demoPublisher = 'Nhóm phát triển Chiêng (tài liệu mẫu)';
export const demoMaterialCount = 10;

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

export const materialRow = (app: ChiengApp, materialId: string) => app.page.locator(`[data-testid="material-row"][data-material-id="${materialId}"]`);
export const searchHit = (app: ChiengApp, materialId: string) => app.page.locator(`[data-testid="search-hit"][data-material-id="${materialId}"]`);
