import { expect, test } from '../fixtures';
import { expectNoRawKeys, navLink, placeTitles } from '../ui-text';

test('speaks Vietnamese first', async ({ app }) => {
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'vi');
  for (const [place, title] of Object.entries(placeTitles.vi))
    await expect(navLink(app.page, place as keyof typeof placeTitles.vi)).toHaveText(title);
});

test('switches to English everywhere, and keeps the choice after a restart', async ({ app }) => {
  await navLink(app.page, 'settings').click();
  await app.page.getByLabel('English').check();
  await expect(app.page.locator('main h1')).toHaveText('Settings');
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'en');
  for (const [place, title] of Object.entries(placeTitles.en)) {
    await navLink(app.page, place as keyof typeof placeTitles.en).click();
    await expect(app.page.locator('main h1')).toHaveText(title);
    await expectNoRawKeys(app.page);
  }
  const page = await app.restart();
  await expect(navLink(page, 'library')).toHaveText('Library');
  await navLink(page, 'settings').click();
  await page.getByLabel('Tiếng Việt').check();
  await expect(navLink(page, 'library')).toHaveText('Thư viện');
});

test('shows numbers and dates the Vietnamese way', async ({ app }) => {
  await navLink(app.page, 'settings').click();
  await expect(app.page.getByTestId('about-number-format')).toHaveText('1.234.567,89');
  await expect(app.page.getByTestId('about-started-at')).toHaveText(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
  await expect(app.page.getByTestId('about-data-dir')).toHaveText(app.dataDir);
});

test('follows a change the core announces, without a reload', async ({ app }) => {
  // Changed behind the UI's back: only the event stream (HTTP) or IPC event can tell the page.
  await app.callCore('settings.update', { locale: 'en', textScale: 125, hubUrl: '' });
  await expect(navLink(app.page, 'library')).toHaveText('Library');
  await expect(app.page.locator('html')).toHaveAttribute('style', /font-size: 125%/);
});
