// A plan edit must not be lost to a closing window: the screen shows an edit at once and
// saves it just after, so closing in between asks first. Host only: its calls to the core
// are web requests a test can hold back; Electron's go over IPC, where none can be held.
import { expect, test } from '../fixtures';
import { demoMaterialIds as ids, demoMaterialTitles as titles, planItemIds, preparePlan } from '../library-pages';

test('closing the window while a plan edit is still being saved asks first, and the edit is kept', async ({ app }) => {
  const page = app.page;
  const planId = await preparePlan(page, 'Họp buôn Ko Tam', [ids.fiveK, ids.image]);
  const savedOrder = async () =>
    ((await app.callCore('plans.list', {})) as { value: { plans: { id: string; materials: string[] }[] } }).value.plans.find(
      (plan) => plan.id === planId,
    )?.materials;
  const unloadHeld = () =>
    page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
  expect(await unloadHeld()).toBe(false);

  // The next save waits on the way, as on a slow, busy laptop.
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/call/plans.save', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: `Chuyển “${titles.image}” lên trên` }).click();
  expect(await planItemIds(page)).toEqual([ids.image, ids.fiveK]);

  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  // The presenter stays; the save goes through, and closing no longer asks.
  await dialog.dismiss();
  release();
  await expect.poll(savedOrder).toEqual([ids.image, ids.fiveK]);
  await expect.poll(unloadHeld).toBe(false);
});
