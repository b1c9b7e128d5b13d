import { expect, test } from '../fixtures';
import { navLink } from '../ui-text';

test('a bad call gets a structured error naming the field, and the app keeps working', async ({ app }) => {
  await expect(app.callCore('settings.update', { textScale: 'huge' })).resolves.toMatchObject({
    ok: false,
    error: { code: 'invalid_input', field: 'textScale' },
  });
  await expect(app.callCore('settings.update', { locale: 'vi', extra: 1 })).resolves.toMatchObject({
    ok: false,
    error: { field: 'extra' },
  });
  await expect(app.callCore('settings.update', { locale: 'x'.repeat(2 * 1024 * 1024) })).resolves.toMatchObject({
    ok: false,
    error: { code: 'payload_too_large' },
  });
  await expect(app.callCore('no.such.method', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });

  await navLink(app.page, 'settings').click();
  await app.page.getByLabel('125%').check();
  await expect(app.page.locator('html')).toHaveAttribute('style', /font-size: 125%/);
});
