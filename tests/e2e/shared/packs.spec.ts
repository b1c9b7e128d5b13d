import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openTrustService } from '../../../electron/core/packs/trust/trust-service';
import { verifyPackFile } from '../../../electron/core/packs/install/verify-pack-file';
import { buildTestPack } from '../../support/pack-fixtures';
import { craftArchive, readArchiveEntries } from '../../support/archive-crafting';
import { expect, test, type ChiengApp } from '../fixtures';
import { officialPublisher } from '../trusted-publisher';
import { navLink } from '../ui-text';

const card = (app: ChiengApp, id: string) => app.page.locator(`[data-testid="pack-card"][data-pack-id="${id}"]`);

test('the demo pack is there at first start, labelled demo and never official', async ({ app }) => {
  await navLink(app.page, 'sync').click();
  const demo = card(app, 'vn.chieng.demo.covid19');
  await expect(demo).toBeVisible();
  await expect(demo.getByTestId('badge-demo')).toHaveText('Tài liệu mẫu (demo), không phải thông tin chính thống');
  await expect(app.page.getByTestId('badge-official')).toHaveCount(0);
  await expect(demo).toContainText("Ngôn ngữ: J'rai, Ê Đê, Tiếng Việt");
});

test('a pack installs from the file picker, shown as official, and a bad one is refused by name, leaving it intact', async ({
  app,
}, testInfo) => {
  const work = testInfo.outputPath('work');
  const { publisher } = await officialPublisher(app, work);
  const good = await buildTestPack(work, publisher, { id: 'vn.test.covid19', title: 'Phòng chống dịch (thử nghiệm)' });
  await navLink(app.page, 'sync').click();
  await app.page.locator('input[type=file]').setInputFiles(good);
  await expect(app.page.getByTestId('import-outcome')).toHaveText('Đã cài gói “Phòng chống dịch (thử nghiệm)” (phiên bản 1).');
  const installed = card(app, 'vn.test.covid19');
  await expect(installed.getByTestId('badge-official')).toHaveText('Chính thống');

  // Version 2, with its new file altered on the way.
  const items = [{ id: 'huong-dan-moi', kind: 'article', languages: ['vi'], files: [{ path: 'moi.md', content: '# Hướng dẫn mới\n' }] }];
  const entries = await readArchiveEntries(
    await readFile(
      await buildTestPack(work, publisher, { id: 'vn.test.covid19', version: 2, title: 'Phòng chống dịch (thử nghiệm)', items }),
    ),
  );
  const tampered = path.join(work, 'v2-sua-doi.chieng');
  await writeFile(
    tampered,
    await craftArchive(
      entries.map((entry) =>
        entry.name.startsWith('objects/') ? { ...entry, data: Buffer.from(entry.data.toString('utf8').replace('mới', 'giả')) } : entry,
      ),
    ),
  );
  await app.page.locator('input[type=file]').setInputFiles(tampered);
  await expect(app.page.getByTestId('import-outcome')).toHaveText(
    'Không cài được “Phòng chống dịch (thử nghiệm)”: tệp “moi.md” đã bị sửa đổi (không khớp mã kiểm tra đã ký).',
  );
  await expect(app.page.getByRole('alert')).toBeVisible();
  await expect(installed).toContainText('Phiên bản 1');
});

test('a pack dropped on the page installs', async ({ app }, testInfo) => {
  const work = testInfo.outputPath('work');
  const { publisher } = await officialPublisher(app, work);
  const bytes = await readFile(await buildTestPack(work, publisher, { id: 'vn.test.keo-tha', title: 'Gói kéo thả' }));
  await navLink(app.page, 'sync').click();
  const dataTransfer = await app.page.evaluateHandle(
    (content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(content)], 'keo-tha.chieng'));
      return transfer;
    },
    [...bytes],
  );
  await app.page.getByTestId('import-panel').dispatchEvent('drop', { dataTransfer });
  await expect(card(app, 'vn.test.keo-tha')).toBeVisible();
});

test('a pack copied out for a USB stick still verifies on another laptop', async ({ app }, testInfo) => {
  await navLink(app.page, 'sync').click();
  const demo = card(app, 'vn.chieng.demo.covid19');
  const saved = await app.saveNextDownload(() => demo.getByRole('button', { name: /Chép ra USB/ }).click(), 'demo-usb.chieng');
  const trust = await openTrustService(
    { builtInRoots: path.resolve('resources/trust/roots'), trustDir: testInfo.outputPath('other-laptop') },
    () => new Date(),
    () => undefined,
  );
  const verified = await verifyPackFile(trust, saved, 'demo-usb.chieng');
  expect(verified.manifest.id).toBe('vn.chieng.demo.covid19');
  expect(verified.publisher.root.role).toBe('demo');
});

test('removing a pack asks first, then frees it', async ({ app }) => {
  await navLink(app.page, 'sync').click();
  const demo = card(app, 'vn.chieng.demo.covid19');
  await demo.getByRole('button', { name: 'Gỡ gói' }).click();
  await expect(demo).toContainText('Gỡ gói “Gói tài liệu mẫu (demo): Phòng, chống COVID-19” khỏi máy này?');
  await demo.getByRole('button', { name: 'Hủy' }).click();
  await expect(demo).toBeVisible();
  await demo.getByRole('button', { name: 'Gỡ gói' }).click();
  await demo.getByRole('button', { name: 'Gỡ gói' }).click();
  await expect(demo).toHaveCount(0);
  await expect(app.page.getByText('Chưa có gói nào trên máy này.')).toBeVisible();
});

test('settings list the trusted roots, the demo root among them', async ({ app }) => {
  await navLink(app.page, 'settings').click();
  await expect(app.page.getByTestId('trusted-roots')).toContainText('Khóa gốc tài liệu mẫu của Chiêng (không phải chính thống)');
  await expect(app.page.getByTestId('trusted-roots')).toContainText('tài liệu mẫu (demo)');
});
