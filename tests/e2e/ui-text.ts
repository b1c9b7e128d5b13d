import { expect, type Page } from '@playwright/test';

/** Fails if the page shows a translation key instead of text, or the missing-key marker. */
export async function expectNoRawKeys(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('⟦');
  expect(text).not.toMatch(/\b(?:common|nav|settings|errors|menu|cli):[a-zA-Z]/);
  const attributes = await page.evaluate(() =>
    [...document.querySelectorAll('[aria-label],[title],[placeholder]')].map(
      (el) => `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''} ${el.getAttribute('placeholder') ?? ''}`,
    ),
  );
  for (const value of [...attributes, await page.title()]) expect(value).not.toMatch(/⟦|\b(?:common|nav|settings|errors):[a-zA-Z]/);
}

export const placeTitles = {
  vi: {
    library: 'Thư viện',
    loudspeaker: 'Loa truyền thanh',
    outreach: 'Tuyên truyền',
    leaflets: 'Tờ rơi',
    registries: 'Danh mục',
    reports: 'Báo cáo',
    sync: 'Đồng bộ',
    settings: 'Cài đặt',
  },
  en: {
    library: 'Library',
    loudspeaker: 'Loudspeaker',
    outreach: 'Outreach',
    leaflets: 'Leaflets',
    registries: 'Registries',
    reports: 'Reports',
    sync: 'Sync',
    settings: 'Settings',
  },
} as const;

export const navLink = (page: Page, place: keyof (typeof placeTitles)['vi']) => page.locator(`nav a[data-place="${place}"]`);
