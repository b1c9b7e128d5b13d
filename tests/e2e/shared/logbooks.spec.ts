import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test, waitUntilReady, type ChiengApp } from '../fixtures';
import { expectNoRawKeys, navLink } from '../ui-text';

interface Saved {
  readonly ok: boolean;
  readonly value: { readonly id: string };
}

/** The person at the laptop and a village, set up through the core as the registries place would. */
async function setUp(app: ChiengApp): Promise<{ villageId: string }> {
  await app.callCore('profiles.save', { name: 'Y Điêng Niê' });
  const village = (await app.callCore('registry.save', {
    registry: 'villages',
    data: { name: 'Buôn Kô Siêr', type: 'buon', loudspeakerClusters: ['Cụm loa chợ'] },
  })) as Saved;
  expect(village.ok).toBe(true);
  // The page learns who is working from the start, as it would on a laptop already in use.
  await app.page.reload();
  await waitUntilReady(app.page);
  return { villageId: village.value.id };
}

/** A wall-clock time on the laptop, as a datetime-local field holds it: this morning at `hour`, or earlier today. */
const localTime = (page: Page, hour: number, minute = 0) =>
  page.evaluate(
    ([h, m]) => {
      const now = new Date();
      const pad = (value: number) => String(value).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(h)}:${pad(m)}`;
    },
    [hour, minute] as const,
  );

async function saveRecord(app: ChiengApp, kind: string, data: Record<string, unknown>, finalise = true): Promise<string> {
  const saved = (await app.callCore('logbook.save', { kind, finalise, data })) as Saved;
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
  return saved.value.id;
}

const finalSession = async (app: ChiengApp, villageId: string) => ({
  occurredAt: await localTime(app.page, 6, 30),
  endedAt: await localTime(app.page, 7, 15),
  villageId,
  operator: 'Y Điêng Niê',
  materials: [{ source: 'free', text: 'Thông báo lịch tiêm chủng mở rộng cho trẻ em' }],
  source: 'own',
  languages: ['vi', 'rad'],
  repeats: 2,
});

const form = (page: Page) => page.getByTestId('record-form');
const detail = (page: Page) => page.getByTestId('record-detail');
/** A field of the record as it is now (not of an earlier state in its history). */
const fieldValue = (page: Page, path: string) => detail(page).locator(`:scope > .record-fields > [data-field="${path}"] > dd`);

test('a loudspeaker session is recorded as a draft, finalised once complete, listed, and still there after a restart', async ({ app }) => {
  test.slow(); // restarts the app
  await setUp(app);
  const { page } = app;
  await navLink(page, 'loudspeaker').click();
  await page.getByTestId('new-record').click();

  // The person at the laptop runs the session, now, in Vietnamese, once, unless they say otherwise.
  await expect(form(page).getByLabel('Người phát')).toHaveValue('Y Điêng Niê');
  await expect(form(page).getByLabel('Bắt đầu', { exact: true })).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  await expect(form(page).getByLabel('Tiếng Việt')).toBeChecked();
  await expect(form(page).getByLabel('Số lần phát lại')).toHaveValue('1');

  await form(page)
    .getByLabel('Bắt đầu', { exact: true })
    .fill(await localTime(page, 6, 30));
  await form(page).getByLabel('Thôn, buôn').selectOption({ label: 'Buôn Kô Siêr' });
  await form(page).getByLabel('Cụm loa').fill('Cụm loa chợ');
  await form(page).getByRole('button', { name: 'Ghi tay' }).click();
  await page.keyboard.type('Thông báo lịch tiêm chủng mở rộng cho trẻ em');
  await form(page).getByLabel('Ê Đê').check();
  await page.getByTestId('save-draft').click();

  // Saved as a draft without its end or source; finalising asks for them at their fields.
  await expect(detail(page)).toHaveAttribute('data-status', 'draft');
  await expect(detail(page).getByTestId('status-badge')).toHaveText('Bản nháp');
  await expect(fieldValue(page, 'villageId')).toHaveText('Buôn Kô Siêr');
  await page.getByTestId('finalise-record').click();
  await expect(form(page).getByLabel('Kết thúc', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form(page).getByLabel('Kết thúc', { exact: true })).toBeFocused();
  await expect(form(page).getByTestId('field-source')).toHaveAccessibleDescription('Bắt buộc phải có.');

  await form(page)
    .getByLabel('Kết thúc', { exact: true })
    .fill(await localTime(page, 7, 15));
  await form(page).getByLabel('Bản tin từ hệ thống thông tin nguồn của tỉnh').check();
  await form(page).getByLabel('Khẩn cấp').check();
  await page.getByTestId('finalise').click();

  await expect(detail(page)).toHaveAttribute('data-status', 'final');
  await expect(detail(page).getByTestId('status-badge')).toHaveText('Đã hoàn tất');
  await expect(fieldValue(page, 'bulletinPriority')).toHaveText('Khẩn cấp');
  await expect(fieldValue(page, 'languages')).toHaveText('Tiếng Việt, Ê Đê');
  await expect(detail(page).getByTestId('record-facts')).toContainText('Y Điêng Niê');
  await expectNoRawKeys(page);

  await page.getByRole('link', { name: 'Về danh sách' }).click();
  const row = page.getByTestId('record-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Thông báo lịch tiêm chủng mở rộng cho trẻ em');
  await expect(row).toContainText('Buôn Kô Siêr · Cụm loa chợ');
  await expect(row).toContainText('Đã hoàn tất');
  await expect(page.getByTestId('record-total')).toHaveText('1 bản ghi');

  const again = await app.restart();
  await navLink(again, 'loudspeaker').click();
  await expect(again.getByTestId('record-row')).toContainText('Thông báo lịch tiêm chủng mở rộng cho trẻ em');
  await again.getByTestId('record-row').click();
  await expect(detail(again)).toHaveAttribute('data-status', 'final');
});

test('an edit to a final record keeps the earlier state, readable, with the change marked', async ({ app }) => {
  const { villageId } = await setUp(app);
  const { page } = app;
  await saveRecord(app, 'loudspeaker', await finalSession(app, villageId));
  await navLink(page, 'loudspeaker').click();
  await page.getByTestId('record-row').click();
  await page.getByTestId('edit-record').click();

  await form(page).getByLabel('Người phát').fill('H’Hen Niê');
  await page.getByTestId('save-final').click();

  await expect(fieldValue(page, 'operator')).toHaveText('H’Hen Niê');
  await expect(detail(page).getByTestId('status-badge')).toHaveText('Đã hoàn tất');
  const revision = detail(page).getByTestId('revision');
  await expect(revision).toHaveCount(1);
  await expect(revision.locator('summary')).toContainText('Lần lưu 1');
  await expect(revision.locator('summary')).toContainText('Đã hoàn tất');
  await revision.locator('summary').click();
  const before = revision.locator('[data-field="operator"]');
  await expect(before).toContainText('Y Điêng Niê');
  await expect(before).toContainText('đã sửa ở lần lưu sau');
  await expect(revision.locator('[data-field="villageId"]')).not.toContainText('đã sửa');
});

test('a record is withdrawn only with a reason, and stays, marked withdrawn', async ({ app }) => {
  const { villageId } = await setUp(app);
  const { page } = app;
  await saveRecord(app, 'loudspeaker', await finalSession(app, villageId));
  await navLink(page, 'loudspeaker').click();
  await page.getByTestId('record-row').click();
  await page.getByTestId('withdraw-record').click();

  const withdraw = page.getByTestId('withdraw-form');
  await withdraw.getByRole('button', { name: 'Hủy bỏ bản ghi' }).click();
  const reason = withdraw.getByLabel('Lý do hủy bỏ (bắt buộc)');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAccessibleDescription(/tối thiểu 3 ký tự/);
  await expect(detail(page)).toHaveAttribute('data-status', 'final');

  await reason.fill('Ghi nhầm ngày, buổi phát này đã hoãn');
  await withdraw.getByRole('button', { name: 'Hủy bỏ bản ghi' }).click();
  await expect(detail(page)).toHaveAttribute('data-status', 'withdrawn');
  await expect(detail(page).getByTestId('status-badge')).toHaveText('Đã hủy bỏ');
  await expect(page.getByTestId('withdrawn-notice')).toContainText('Lý do: Ghi nhầm ngày, buổi phát này đã hoãn');
  await expect(page.getByTestId('edit-record')).toHaveCount(0);
  // Its content is all still there.
  await expect(fieldValue(page, 'materials')).toContainText('Thông báo lịch tiêm chủng mở rộng cho trẻ em');

  await page.getByRole('link', { name: 'Về danh sách' }).click();
  await expect(page.getByTestId('record-row')).toHaveAttribute('data-status', 'withdrawn');
  await expect(page.getByTestId('record-row')).toContainText('Đã hủy bỏ');
  await page.getByLabel('Trạng thái').selectOption({ label: 'Nháp và đã hoàn tất' });
  await expect(page.getByTestId('record-row')).toHaveCount(0);
  await expect(page.getByTestId('record-total')).toHaveText('0 bản ghi');
  await page.getByLabel('Trạng thái').selectOption({ label: 'Đã hủy bỏ' });
  await expect(page.getByTestId('record-row')).toHaveCount(1);
});

test('finalising a session that ends before it starts and has no operator says so at each field, in Vietnamese, keeping what was typed', async ({
  app,
}) => {
  await setUp(app);
  const { page } = app;
  await page.goto(`${new URL(page.url()).origin}/#/loudspeaker/new`);
  await waitUntilReady(page);

  await form(page)
    .getByLabel('Bắt đầu', { exact: true })
    .fill(await localTime(page, 8, 0));
  await form(page)
    .getByLabel('Kết thúc', { exact: true })
    .fill(await localTime(page, 7, 30));
  await form(page).getByLabel('Người phát').fill('');
  await form(page).getByLabel('Địa điểm (ghi rõ)').fill('Nhà văn hóa buôn');
  await form(page).getByRole('button', { name: 'Ghi tay' }).click();
  await page.keyboard.type('Đọc thông báo của Ủy ban nhân dân xã');
  await form(page).getByLabel('Tự sản xuất').check();
  await page.getByTestId('finalise').click();

  const end = form(page).getByLabel('Kết thúc', { exact: true });
  const operator = form(page).getByLabel('Người phát');
  await expect(end).toHaveAttribute('aria-invalid', 'true');
  await expect(end).toHaveAccessibleDescription('Giờ kết thúc phải sau giờ bắt đầu.');
  await expect(operator).toHaveAttribute('aria-invalid', 'true');
  await expect(operator).toHaveAccessibleDescription('Bắt buộc phải có.');
  await expect(end).toBeFocused();
  await expect(form(page).getByLabel('Bắt đầu', { exact: true })).not.toHaveAttribute('aria-invalid');
  await expect(page.getByTestId('form-problem')).toBeVisible();
  // Nothing typed is lost, and nothing was saved.
  await expect(form(page).getByLabel('Địa điểm (ghi rõ)')).toHaveValue('Nhà văn hóa buôn');
  await expect(form(page).getByLabel('Tên tài liệu hoặc nội dung đọc trực tiếp')).toHaveValue('Đọc thông báo của Ủy ban nhân dân xã');
  expect(((await app.callCore('logbook.list', { kind: 'loudspeaker' })) as { value: { total: number } }).value.total).toBe(0);

  // Put right, it saves.
  await end.fill(await localTime(page, 9, 0));
  await operator.fill('Y Điêng Niê');
  await page.keyboard.press('Control+Enter');
  await expect(detail(page)).toHaveAttribute('data-status', 'final');
});

test('a rumour spread through "other" channels asks, at that field, which channel', async ({ app }) => {
  await setUp(app);
  const { page } = app;
  await navLink(page, 'outreach').click();
  await page.getByTestId('tab-rumour').click();
  await page.getByTestId('new-record').click();

  await form(page).getByLabel('Nội dung tin đồn').fill('Tin đồn tiêm vắc-xin gây vô sinh');
  await form(page).getByLabel('Thôn, buôn').selectOption({ label: 'Buôn Kô Siêr' });
  await form(page).getByLabel('Zalo').check();
  await form(page).getByLabel('Khác', { exact: true }).check();
  await expect(form(page).getByLabel('Mới ghi nhận')).toBeChecked();
  await page.getByTestId('finalise').click();

  const other = form(page).getByLabel('Kênh khác');
  await expect(other).toHaveAttribute('aria-invalid', 'true');
  await expect(other).toHaveAccessibleDescription('Hãy ghi rõ kênh lan truyền khác.');
  await expect(other).toBeFocused();

  await other.fill('Loa kéo ở chợ phiên');
  await page.getByTestId('finalise').click();
  await expect(detail(page)).toHaveAttribute('data-status', 'final');
  await expect(fieldValue(page, 'channels')).toHaveText('Zalo, Khác');
  await expect(fieldValue(page, 'channelOther')).toHaveText('Loa kéo ở chợ phiên');
  await expect(fieldValue(page, 'status')).toHaveText('Mới ghi nhận');
});

test('"Xuất CSV" saves the list as a file Excel reads in Vietnamese (UTF-8 with a BOM)', async ({ app }) => {
  const { villageId } = await setUp(app);
  const { page } = app;
  await saveRecord(app, 'loudspeaker', await finalSession(app, villageId));
  await navLink(page, 'loudspeaker').click();
  await expect(page.getByTestId('record-row')).toHaveCount(1);

  const file = await app.saveNextDownload(() => page.getByTestId('export-csv').click(), 'buoi-phat-loa.csv');
  const bytes = await readFile(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('Người phát');
  expect(text).toContain('Y Điêng Niê');
  expect(text).toContain('Thông báo lịch tiêm chủng mở rộng cho trẻ em');
  expect(text).toContain('Buôn Kô Siêr');
  expect(text).toContain('Tự sản xuất');
  if (app.shell === 'host') await expect(page.getByRole('status').filter({ hasText: 'Đã xuất 1 bản ghi' })).toBeVisible();
});

test('with no one chosen, saving says who to choose and where, and keeps what was typed until it saves', async ({ app }) => {
  const { page } = app;
  await navLink(page, 'loudspeaker').click();
  await page.getByTestId('new-record').click();
  await expect(form(page).getByLabel('Người phát')).toHaveValue('');
  await form(page).getByLabel('Người phát').fill('H’Hen Niê');
  await form(page).getByLabel('Địa điểm (ghi rõ)').fill('Nhà rông buôn Kô Siêr');
  await page.getByTestId('save-draft').click();

  const problem = page.getByTestId('profile-problem');
  await expect(problem).toContainText('Chưa chọn người dùng');
  await expect(problem).toContainText('Người đang dùng” ở cuối thanh bên trái');
  await expect(form(page).getByLabel('Người phát')).toHaveValue('H’Hen Niê');
  await expect(form(page).getByLabel('Địa điểm (ghi rõ)')).toHaveValue('Nhà rông buôn Kô Siêr');

  await app.callCore('profiles.save', { name: 'H’Hen Niê' });
  await page.getByTestId('save-draft').click();
  await expect(detail(page)).toHaveAttribute('data-status', 'draft');
  await expect(fieldValue(page, 'place')).toHaveText('Nhà rông buôn Kô Siêr');
  await expect(detail(page).getByTestId('record-facts')).toContainText('H’Hen Niê');
});

for (const { name, hash, kind, required } of [
  { name: 'outreach by a community figure', hash: '#/outreach/figureOutreach/new', kind: 'figureOutreach', required: ['Người có uy tín'] },
  {
    name: 'a visit to a place of worship',
    hash: '#/outreach/worshipOutreach/new',
    kind: 'worshipOutreach',
    required: ['Cơ sở tôn giáo', 'Nội dung đã truyền đạt'],
  },
  { name: 'a leaflet hand-out', hash: '#/leaflets/new', kind: 'leafletHandout', required: ['Số bản'] },
]) {
  test(`finalising ${name} with its required fields empty says so at each field, saving nothing`, async ({ app }) => {
    await setUp(app);
    const { page } = app;
    await page.goto(`${new URL(page.url()).origin}/${hash}`);
    await waitUntilReady(page);
    await page.getByTestId('finalise').click();

    await expect(page.getByTestId('form-problem')).toBeVisible();
    for (const label of required) {
      const field = form(page).getByLabel(label, { exact: true });
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(field).toHaveAccessibleDescription(/Bắt buộc phải có\./);
    }
    // The focus is in the first refused field (a picker's search box, in its refused group).
    await expect(page.locator('[aria-invalid="true"]:focus, [aria-invalid="true"] :focus')).toHaveCount(1);
    await expectNoRawKeys(page);
    expect(((await app.callCore('logbook.list', { kind })) as { value: { total: number } }).value.total).toBe(0);
  });
}
