import { expect, test } from '../fixtures';
import { navLink } from '../ui-text';

interface PlatformFont {
  readonly familyName: string;
  readonly isCustomFont: boolean;
  readonly glyphCount: number;
}

test("Vietnamese and Ê Đê, J'rai, M'nông letters render from the bundled Noto Sans, no fallback, no tofu", async ({ app }, testInfo) => {
  const { page } = app;
  await navLink(page, 'settings').click();
  await page.evaluate(() => document.fonts.ready);
  const minority = page.getByTestId('specimen-minority');
  await expect(minority).toContainText('ƀ');
  await expect(minority).toContainText('ê\u0306');
  await expect(minority).toContainText('a\u0331');

  // Chromium reports which font actually drew each node's glyphs: only ours may appear.
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  await cdp.send('CSS.enable');
  for (const testId of ['specimen-vi', 'specimen-minority']) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-testid="${testId}"]` });
    const { fonts }: { fonts: PlatformFont[] } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.length, testId).toBeGreaterThan(0);
    for (const font of fonts) expect(font, testId).toMatchObject({ familyName: 'Noto Sans', isCustomFont: true });
  }

  const shot = testInfo.outputPath('glyph-check.png');
  await page.getByTestId('glyph-check').screenshot({ path: shot });
  await testInfo.attach('glyph-check', { path: shot, contentType: 'image/png' });
});
