import { expect, test } from '../fixtures';

// A browser tab obeys its user; only the desktop shell can refuse these, so they run there.
test('navigation away from the app is refused', async ({ app }) => {
  const { page } = app;
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/chieng\//);
  await expect(page.locator('html[data-ready="true"]')).toHaveCount(1);
});

test('new windows are refused', async ({ app }) => {
  const opened = await app.page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  const internal = await app.page.evaluate(() => window.open('app://chieng/index.html') === null);
  expect(internal).toBe(true);
  await app.page.waitForTimeout(300);
  expect(app.electronApp?.windows()).toHaveLength(1);
});
