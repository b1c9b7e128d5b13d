import { expect, test } from '../fixtures';
import { expectNoRawKeys, navLink, placeTitles } from '../ui-text';

const places = Object.keys(placeTitles.vi) as (keyof (typeof placeTitles)['vi'])[];
/** The places whose capability exists in this version; the others must say they do not yet. */
const built = new Set<string>(['library', 'loudspeaker', 'outreach', 'leaflets', 'registries', 'sync', 'settings']);

test('every place is one click away, and an unbuilt one says so plainly', async ({ app }) => {
  const { page } = app;
  for (const place of places) {
    await navLink(page, place).click();
    await expect(page.locator('main h1')).toHaveText(placeTitles.vi[place]);
    await expect(navLink(page, place)).toHaveAttribute('aria-current', 'page');
    if (!built.has(place)) {
      const notice = page.getByTestId('not-yet-built');
      await expect(notice).toContainText('Chưa có trong phiên bản này');
      await expect(notice).toContainText('chưa có gì để xem ở đây');
    } else {
      await expect(page.getByTestId('not-yet-built')).toHaveCount(0);
    }
    await expectNoRawKeys(page);
  }
});

test('a reload keeps the place shown, since it lives in the address', async ({ app }) => {
  await navLink(app.page, 'reports').click();
  await app.page.reload();
  await app.page.locator('html[data-ready="true"]').waitFor();
  await expect(app.page.locator('main h1')).toHaveText('Báo cáo');
  await expect(navLink(app.page, 'reports')).toHaveAttribute('aria-current', 'page');
});

test('fits the commune laptop screen (1366×768) at 150% text size', async ({ app }, testInfo) => {
  test.slow(); // every place, and every link measured on each
  const { page } = app;
  await page.setViewportSize({ width: 1366, height: 768 });
  await navLink(page, 'settings').click();
  await page.getByLabel('150%').check();
  await expect(page.locator('html')).toHaveAttribute('style', /font-size: 150%/);
  for (const place of places) {
    await navLink(page, place).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal scroll on ${place}`).toBeLessThanOrEqual(0);
    for (const each of places) {
      const box = await navLink(page, each).boundingBox();
      expect(box, each).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0), `${each} link below the fold`).toBeLessThanOrEqual(768);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1366);
    }
  }
  await navLink(page, 'settings').click();
  await page.screenshot({ path: testInfo.outputPath('settings-150.png') });
  await navLink(page, 'library').click();
  await page.screenshot({ path: testInfo.outputPath('library-150.png') });
});
