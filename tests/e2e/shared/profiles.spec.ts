import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { navLink } from '../ui-text';

const activeName = (page: Page) => page.getByTestId('active-profile');
const dialog = (page: Page) => page.getByTestId('profile-dialog');
const lockScreen = (page: Page) => page.getByTestId('lock-screen');

async function addInSwitcher(page: Page, name: string, pin?: string): Promise<void> {
  await page.getByTestId('profile-switcher').click();
  await dialog(page).getByTestId('switcher-add').click();
  await dialog(page).getByLabel('Họ và tên').fill(name);
  if (pin) {
    await dialog(page).getByLabel('Mã PIN (không bắt buộc)').fill(pin);
    await dialog(page).getByLabel('Nhập lại mã PIN').fill(pin);
  }
  await dialog(page).getByTestId('profile-add').click();
  await expect(dialog(page)).toBeHidden();
}

async function unlockWith(page: Page, pin: string): Promise<void> {
  await lockScreen(page).getByTestId('pin-input').fill(pin);
  await lockScreen(page).getByTestId('pin-submit').click();
}

test('the first start asks who is using the laptop, without keeping anyone from the library', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('first-run')).toContainText('Ai đang dùng máy này?');
  await expect(page.getByTestId('library-page')).toBeVisible();
  await expect(activeName(page)).toHaveText('Chưa chọn người dùng');
  await page.getByTestId('first-run-later').click();
  await expect(page.getByTestId('first-run')).toHaveCount(0);

  await page.reload();
  await page.getByTestId('first-run').getByLabel('Họ và tên').fill('Hà Thị Lan');
  await page.getByTestId('first-run').getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(activeName(page)).toHaveText('Hà Thị Lan');
  await expect(page.getByTestId('first-run')).toHaveCount(0);
});

test('a laptop that starts locked hides the library behind the lock, and shows it once the PIN is given', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('first-run').getByLabel('Họ và tên').fill("H'Linh Niê");
  await page.getByTestId('first-run').getByLabel('Mã PIN (không bắt buộc)').fill('2468');
  await page.getByTestId('first-run').getByLabel('Nhập lại mã PIN').fill('2468');
  await page.getByTestId('first-run').getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(activeName(page)).toHaveText("H'Linh Niê");

  // Started again, the app is locked, and the core refuses the library to anyone who asks.
  const restarted = await app.restart();
  await expect(lockScreen(restarted)).toBeVisible();
  await expect(app.callCore('library.list', {})).resolves.toMatchObject({
    ok: false,
    error: { code: 'forbidden', messageKey: 'profiles:locked' },
  });
  await unlockWith(restarted, '2468');
  await expect(lockScreen(restarted)).toHaveCount(0);
  await expect(restarted.getByTestId('material-row').first()).toBeVisible();
});

test('two people share the laptop: switching, a PIN asked, the app locked and opened again with what was typed still there', async ({
  app,
}) => {
  test.slow(); // one person's whole way through several screens
  const { page } = app;
  await page.getByTestId('first-run').getByLabel('Họ và tên').fill('Hà Thị Lan');
  await page.getByTestId('first-run').getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(activeName(page)).toHaveText('Hà Thị Lan');

  // A PIN typed differently twice is caught before it can lock its owner out.
  await page.getByTestId('profile-switcher').click();
  await dialog(page).getByTestId('switcher-add').click();
  await dialog(page).getByLabel('Họ và tên').fill('Y Bhim Ktla');
  await dialog(page).getByLabel('Mã PIN (không bắt buộc)').fill('2468');
  await dialog(page).getByLabel('Nhập lại mã PIN').fill('2469');
  await dialog(page).getByTestId('profile-add').click();
  await expect(dialog(page).getByLabel('Nhập lại mã PIN')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog(page)).toContainText('Hai lần nhập mã PIN không giống nhau.');
  await dialog(page).getByRole('button', { name: 'Đóng' }).click();
  await addInSwitcher(page, 'Y Bhim Ktla', '2468');
  await expect(activeName(page)).toHaveText('Y Bhim Ktla');

  // To someone without a PIN at once; back to someone with one only with their PIN.
  await page.getByTestId('profile-switcher').click();
  await dialog(page)
    .getByRole('button', { name: /Hà Thị Lan/ })
    .click();
  await expect(activeName(page)).toHaveText('Hà Thị Lan');
  await page.getByTestId('profile-switcher').click();
  await dialog(page)
    .getByRole('button', { name: /Y Bhim Ktla/ })
    .click();
  await dialog(page).getByLabel('Mã PIN của Y Bhim Ktla').fill('1111');
  await dialog(page).getByRole('button', { name: 'Chuyển' }).click();
  await expect(dialog(page).getByTestId('pin-error')).toHaveText('Mã PIN không đúng.');
  await expect(activeName(page)).toHaveText('Hà Thị Lan');
  await dialog(page).getByLabel('Mã PIN của Y Bhim Ktla').fill('2468');
  await dialog(page).getByRole('button', { name: 'Chuyển' }).click();
  await expect(activeName(page)).toHaveText('Y Bhim Ktla');

  // Something half typed, then the lock.
  await navLink(page, 'registries').click();
  await page.getByTestId('registry-search').fill('buôn đang tìm');
  await page.getByTestId('profile-switcher').click();
  await dialog(page).getByRole('button', { name: 'Khóa ngay' }).click();
  await expect(lockScreen(page)).toContainText('Chiêng đang khóa');
  await expect(page.locator('main')).toBeHidden();
  // The lock is the core's: nothing can be read or written behind the screen.
  expect(await app.callCore('registry.list', { registry: 'villages' })).toMatchObject({
    ok: false,
    error: { code: 'forbidden', messageKey: 'profiles:locked' },
  });
  // Only someone with a PIN can open it.
  await expect(lockScreen(page).getByTestId('profile-choice')).toHaveText([/^Y Bhim Ktla/]);

  await unlockWith(page, '0000');
  await expect(lockScreen(page).getByTestId('pin-error')).toHaveText('Mã PIN không đúng.');
  await unlockWith(page, '2468');
  await expect(lockScreen(page)).toHaveCount(0);
  await expect(page.getByTestId('registry-search')).toHaveValue('buôn đang tìm');
  await expect(activeName(page)).toHaveText('Y Bhim Ktla');
});

test('a lock from elsewhere (the idle timer, another window) shows at once, and too many wrong PINs wait', async ({ app }) => {
  test.slow(); // six PIN tries, each checked by the core
  const { page } = app;
  await app.callCore('profiles.save', { name: 'Y Bhim Ktla', pin: '2468' });
  await expect(activeName(page)).toHaveText('Y Bhim Ktla');
  await app.callCore('profiles.lock', {});
  await expect(lockScreen(page)).toBeVisible();
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await unlockWith(page, '1357');
    await expect(lockScreen(page).getByTestId('pin-error')).toHaveText('Mã PIN không đúng.');
  }
  await unlockWith(page, '2468');
  await expect(lockScreen(page).getByTestId('pin-error')).toHaveText(/^Nhập sai quá nhiều lần\. Hãy thử lại sau \d+ giây\.$/);
  await expect(lockScreen(page)).toBeVisible();
});

test('the app locks itself after the idle time set in the settings', async ({ app }) => {
  test.slow(); // reloads the app on a clock the test moves
  const { page } = app;
  await page.clock.install();
  await page.reload();
  await page.getByTestId('first-run').getByLabel('Họ và tên').fill('Y Bhim Ktla');
  await page.getByTestId('first-run').getByLabel('Mã PIN (không bắt buộc)').fill('2468');
  await page.getByTestId('first-run').getByLabel('Nhập lại mã PIN').fill('2468');
  await page.getByTestId('first-run').getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(activeName(page)).toHaveText('Y Bhim Ktla');

  await navLink(page, 'settings').click();
  const idle = page.getByTestId('idle-lock');
  await idle.getByLabel('Tự khóa sau (phút)').fill('nửa giờ');
  await idle.getByRole('button', { name: 'Lưu' }).click();
  await expect(idle.getByLabel('Tự khóa sau (phút)')).toHaveAttribute('aria-invalid', 'true');
  await idle.getByLabel('Tự khóa sau (phút)').fill('2');
  await idle.getByRole('button', { name: 'Lưu' }).click();
  await expect(idle).toContainText('Đã lưu: tự khóa sau 2 phút không dùng.');

  await page.clock.fastForward('01:30');
  await expect(lockScreen(page)).toHaveCount(0);
  await page.clock.fastForward('00:31');
  await expect(lockScreen(page)).toBeVisible();
});

test('the commune and province are saved for this laptop; the province starts as Đắk Lắk', async ({ app }) => {
  test.slow(); // restarts the app
  const { page } = app;
  await navLink(page, 'settings').click();
  const place = page.getByTestId('place-settings');
  await expect(place).toContainText('không còn cấp huyện');
  await expect(place.getByLabel('Tỉnh', { exact: true })).toHaveValue('Đắk Lắk');
  await place.getByLabel('Xã, phường').fill('Ea Kao');
  await place.getByRole('button', { name: 'Lưu' }).click();
  await expect(place).toContainText('Đã lưu.');

  const again = await app.restart();
  await navLink(again, 'settings').click();
  await expect(again.getByTestId('place-settings').getByLabel('Xã, phường')).toHaveValue('Ea Kao');
  await expect(again.getByTestId('place-settings').getByLabel('Tỉnh', { exact: true })).toHaveValue('Đắk Lắk');
  expect(await app.callCore('settings.get', {})).toMatchObject({ ok: true, value: { commune: 'Ea Kao', province: 'Đắk Lắk' } });
});

test('the people of the laptop are listed in the settings, where one more can be added', async ({ app }) => {
  const { page } = app;
  await navLink(page, 'settings').click();
  const users = page.getByTestId('users-settings');
  await expect(users).toContainText('Chưa có ai.');
  await users.getByLabel('Họ và tên').fill('Hà Thị Lan');
  await users.getByTestId('profile-add').click();
  // The form empties once the core has saved; typing the next name before that would be wiped.
  await expect(users.getByRole('status')).toContainText('Đã thêm Hà Thị Lan.');
  await users.getByLabel('Họ và tên').fill('Y Bhim Ktla');
  await users.getByLabel('Mã PIN (không bắt buộc)').fill('12a4');
  await users.getByLabel('Nhập lại mã PIN').fill('12a4');
  await users.getByTestId('profile-add').click();
  await expect(users.getByLabel('Mã PIN (không bắt buộc)')).toHaveAttribute('aria-invalid', 'true');
  await expect(users).toContainText('Mã PIN gồm 4 đến 8 chữ số, không có chữ cái.');
  await users.getByLabel('Mã PIN (không bắt buộc)').fill('1234');
  await users.getByLabel('Nhập lại mã PIN').fill('1234');
  await users.getByTestId('profile-add').click();
  await expect(users.getByTestId('user-row')).toHaveCount(2);
  await expect(users.getByTestId('user-row').filter({ hasText: 'Y Bhim Ktla' })).toContainText('Có mã PIN');
  // Added from the settings, a person is not made the one working: the first stays.
  await expect(activeName(page)).toHaveText('Hà Thị Lan');
});
