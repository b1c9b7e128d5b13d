import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type ChiengApp } from '../fixtures';
import { expectNoRawKeys, navLink } from '../ui-text';

const rows = (page: Page) => page.getByTestId('registry-row');
const tab = (page: Page, registry: 'villages' | 'figures' | 'places') => page.getByTestId(`tab-${registry}`);

/** The message read with a control: the one its aria-describedby points to. */
async function describedBy(control: Locator): Promise<string> {
  const ids = (await control.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => control.page().locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(' ');
}

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

async function seedVillage(app: ChiengApp, name: string): Promise<string> {
  const saved = (await app.callCore('registry.save', { registry: 'villages', data: { name, type: 'buon' } })) as {
    ok: true;
    value: { id: string };
  };
  return saved.value.id;
}

test('a village is added through its form; an empty form says at each field what it lacks', async ({ app }) => {
  const { page } = app;
  await navLink(page, 'registries').click();
  await expect(page.getByTestId('registry-empty')).toContainText('Chưa có thôn, buôn nào');

  await page.getByTestId('registry-add').click();
  await page.getByTestId('entry-save').click();
  const name = page.getByTestId('field-name').getByRole('textbox');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  expect(await describedBy(name)).toBe('Bắt buộc phải có.');
  await expect(page.getByTestId('field-type')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('form-problem')).toHaveText('Chưa lưu: hãy sửa 2 ô có lỗi (lỗi ghi ngay dưới mỗi ô).');
  await expect(name).toBeFocused();

  await name.fill('Buôn Ea Bhốk');
  await page.getByTestId('field-type').getByLabel('Buôn', { exact: true }).check();
  await page.getByLabel('Cụm loa').fill('Cụm 1; Cụm 2');
  await page.getByLabel('Huyện cũ (trước 1/7/2025)').fill("Cư M'gar");
  await page.getByTestId('entry-save').click();
  await expect(page.getByTestId('registry-done')).toHaveText('Đã lưu “Buôn Ea Bhốk”.');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(['Buôn Ea Bhốk', 'Buôn', 'Cụm 1; Cụm 2', "Cư M'gar"].join(''));
  await expectNoRawKeys(page);
});

test('a figure without recorded consent is refused at the consent question, then kept once it is recorded, and found without diacritics', async ({
  app,
}) => {
  test.slow(); // one person's whole way through several screens
  const { page } = app;
  await seedVillage(app, 'Buôn Ea Bhốk');
  await navLink(page, 'registries').click();
  await tab(page, 'figures').click();
  await page.getByTestId('registry-add').click();
  await page.getByTestId('field-fullName').getByRole('textbox').fill('Ama Khăm');
  await page.getByTestId('field-sex').getByLabel('Nam').check();
  await page.getByTestId('field-categories').getByLabel('Già làng').check();
  await page.getByLabel('Thôn, buôn', { exact: true }).selectOption({ label: 'Buôn Ea Bhốk' });
  await page.getByLabel('Ê Đê').check();
  await page.getByTestId('field-ethnicity').getByRole('combobox').fill('Ê Đê');
  await page.getByTestId('entry-save').click();

  const question = page.getByTestId('field-consent-given');
  await expect(question).toHaveAttribute('aria-invalid', 'true');
  expect(await describedBy(question)).toBe('Chưa ghi nhận sự đồng ý: hãy hỏi ý kiến người này và chọn “Đồng ý” hoặc “Không đồng ý”.');
  const ethnicity = page.getByTestId('field-ethnicity').getByRole('combobox');
  await expect(ethnicity).toHaveAttribute('aria-invalid', 'true');
  expect(await describedBy(ethnicity)).toContain('Chỉ được ghi thông tin này khi người đó đã đồng ý');
  // Refused means not kept.
  expect(await app.callCore('registry.list', { registry: 'figures' })).toEqual({ ok: true, value: { entries: [] } });

  await question.getByLabel('Đồng ý', { exact: true }).check();
  await page.getByLabel('Bằng lời nói').check();
  await page.getByLabel('Người ghi nhận').fill('Hà Thị Lan');
  await page.getByTestId('entry-save').click();
  await expect(page.getByTestId('registry-done')).toHaveText('Đã lưu “Ama Khăm”.');
  await expect(rows(page).first()).toContainText('Già làng');
  await expect(rows(page).first()).toContainText('Buôn Ea Bhốk');
  await expect(rows(page).first()).toContainText('Đã đồng ý');
  await expectNoRawKeys(page);

  // Searching folds the marks away, as people type on a laptop without a Vietnamese keyboard.
  await page.getByTestId('registry-search').fill('ama kham');
  await expect(rows(page)).toHaveCount(1);
  await page.getByTestId('registry-search').fill('ea bhok');
  await expect(rows(page)).toHaveCount(1);
  await page.getByTestId('registry-search').fill('Y Lính');
  await expect(rows(page)).toHaveCount(0);
  await expect(page.getByTestId('registry-count')).toHaveText('0 trong 1 mục khớp với từ tìm');
});

test('a CSV with a bad row imports nothing and says which row and column; a good one saved by Excel with its BOM is listed', async ({
  app,
}) => {
  const { page } = app;
  await navLink(page, 'registries').click();
  const picker = page.getByTestId('registry-import-file');

  await picker.setInputFiles(csvFile('thon-loi.csv', '"Tên thôn, buôn",Loại,Số hộ\nThôn 1,Thôn,120\nThôn 2,Làng,abc\n'));
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText(/Không nhập dòng nào: \d+ lỗi\. Sửa tệp rồi nhập lại\./);
  const table = await Promise.all(
    (await page.getByTestId('import-problem').all()).map(async (row) => (await row.locator('td').allInnerTexts()).join(' | ')),
  );
  expect(table).toEqual(expect.arrayContaining(['3 | Loại | Không có lựa chọn “Làng”.', '3 | Số hộ | Không phải số.']));
  // Only the bad row is named: row 2 is fine.
  expect(table.every((row) => row.startsWith('3 |'))).toBe(true);
  await expect(page.getByTestId('registry-empty')).toBeVisible();
  expect(await app.callCore('registry.list', { registry: 'villages' })).toEqual({ ok: true, value: { entries: [] } });

  await picker.setInputFiles(
    csvFile('thon.csv', '\uFEFF"Tên thôn, buôn",Loại,Số hộ,Cụm loa\r\nThôn 1,Thôn,120,\r\nBuôn Ko Siêr,Buôn,85,Cụm A; Cụm B\r\n'),
  );
  await expect(page.getByTestId('import-done')).toHaveText('Đã nhập 2 dòng.');
  await expect(page.getByTestId('import-problems')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(2);
  // The BOM is not part of the first heading: the names came through whole.
  await expect(rows(page).filter({ hasText: 'Buôn Ko Siêr' })).toContainText('Cụm A; Cụm B');
  await expect(rows(page).filter({ hasText: 'Thôn 1' })).toContainText('120');
});

test('a registry exports as CSV for Excel: a BOM first, Vietnamese headings, the entries', async ({ app }) => {
  await seedVillage(app, 'Buôn Ea Bhốk');
  await navLink(app.page, 'registries').click();
  await expect(rows(app.page)).toHaveCount(1);
  const saved = await app.saveNextDownload(() => app.page.getByTestId('registry-export').click(), 'thon.csv');
  const bytes = await readFile(saved);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, first] = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(header).toBe('Mã,"Tên thôn, buôn",Loại,Số hộ,Cụm loa,Huyện cũ (trước 1/7/2025),Ghi chú');
  expect(first).toMatch(/^[0-9A-Z]{26},Buôn Ea Bhốk,Buôn,,,,$/);
});

test("a person's data is exported on request, then erased once their name is typed; their outreach records stay, without the name", async ({
  app,
}) => {
  test.slow(); // one person's whole way through several screens
  const { page } = app;
  const villageId = await seedVillage(app, 'Buôn Ea Bhốk');
  const consent = { given: true, date: '2026-11-20', method: 'written', recordedBy: 'Hà Thị Lan' };
  const figure = (await app.callCore('registry.save', {
    registry: 'figures',
    data: { fullName: 'Ama Khăm', sex: 'male', categories: ['villageElder'], languages: ['rad'], villageId, ethnicity: 'Ê Đê', consent },
  })) as { ok: true; value: { id: string } };
  await app.callCore('profiles.save', { name: 'Hà Thị Lan' });
  const record = (await app.callCore('logbook.save', {
    kind: 'figureOutreach',
    finalise: false,
    data: { occurredAt: '2026-11-21T08:30', figureId: figure.value.id, villageId },
  })) as { ok: boolean };
  expect(record.ok).toBe(true);

  await navLink(page, 'registries').click();
  await tab(page, 'figures').click();
  await rows(page).getByRole('link', { name: 'Ama Khăm' }).click();
  const person = page.getByTestId('person-data');

  const exported = await app.saveNextDownload(
    () => person.getByRole('button', { name: 'Xuất dữ liệu của người này' }).click(),
    'ama-kham.json',
  );
  const copy = JSON.parse(await readFile(exported, 'utf8')) as {
    person: { data: { fullName: string; ethnicity: string } };
    records: unknown[];
  };
  expect(copy.person.data).toMatchObject({ fullName: 'Ama Khăm', ethnicity: 'Ê Đê' });
  expect(copy.records).toHaveLength(1);

  await person.getByRole('button', { name: 'Xóa dữ liệu theo yêu cầu' }).click();
  const confirm = page.getByTestId('erase-confirm');
  await expect(confirm).toContainText('Sẽ xóa hẳn mọi thông tin về Ama Khăm');
  await expect(confirm).toContainText('Các sổ ghi chép (buổi tuyên truyền) vẫn được giữ');
  const typed = confirm.getByLabel('Gõ họ tên “Ama Khăm” để xác nhận');
  await typed.fill('Ama Kham Niê');
  await confirm.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
  await expect(typed).toHaveAttribute('aria-invalid', 'true');
  expect(await describedBy(typed)).toBe('Tên nhập để xác nhận không khớp với tên người cần xóa.');

  await typed.fill('Ama Khăm');
  await confirm.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
  await expect(page.getByTestId('registry-done')).toHaveText('Đã xóa dữ liệu của Ama Khăm. 1 bản ghi trong sổ đã được bỏ tên.');
  await expect(page.getByTestId('registry-empty')).toBeVisible();
  const records = (await app.callCore('logbook.list', { kind: 'figureOutreach', fromMonth: '2026-11', toMonth: '2026-11' })) as {
    ok: true;
    value: { records: { data: Record<string, unknown> }[] };
  };
  expect(records.value.records).toHaveLength(1);
  expect(records.value.records[0]?.data['figureId']).not.toBe(figure.value.id);
});
