// Syncing with the provincial hub through the Sync place, as a commune officer does at the
// commune office: type the hub's address, check for what is new and its size, download it
// all with its progress (and stop it); a pack the province withdraws is shown withdrawn
// after the next sync; a catalog that changed since the check shown is shown, not installed;
// with no network the app says so plainly and keeps what it has; a mistyped address is refused.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { hubPaths } from '../../../electron/core/packs/format/catalog';
import { imagePack, makeHubWorld, resourcesDir, sha256Of, type HubWorld } from '../../support/hub-fixtures';
import type { TestPackSpec } from '../../support/pack-fixtures';
import { expect, test, type ChiengApp } from '../fixtures';
import { demoMaterialCount } from '../library-pages';
import { navLink } from '../ui-text';

// A hub, signing and syncing, on a busy machine.
test.describe.configure({ timeout: 90_000 });

let world: HubWorld;
test.beforeEach(async () => {
  world = await makeHubWorld();
});
test.afterEach(async () => {
  await world.remove();
});

const guidance = {
  id: 'vn.test.sot-xuat-huyet',
  title: 'Phòng chống sốt xuất huyết (thử nghiệm)',
  article: { id: 'diet-lang-quang', title: 'Diệt lăng quăng, bọ gậy quanh nhà' },
  image: { id: 'anh-muoi-van', title: 'Ảnh: Muỗi vằn truyền bệnh' },
};

async function guidanceSpec(version = 1): Promise<TestPackSpec> {
  return {
    id: guidance.id,
    version,
    title: guidance.title,
    items: [
      {
        id: guidance.article.id,
        kind: 'article',
        languages: ['vi'],
        title: guidance.article.title,
        files: [
          {
            path: 'articles/diet-lang-quang.md',
            content:
              '# Diệt lăng quăng, bọ gậy\n\nMỗi tuần một lần, bà con lật úp các vật chứa nước đọng quanh nhà và thả cá vào bể nước.\n',
          },
        ],
      },
      {
        id: guidance.image.id,
        kind: 'image',
        languages: ['vi'],
        title: guidance.image.title,
        files: [
          { path: 'images/muoi-van.png', content: await readFile(path.join(resourcesDir, 'demo-pack', 'source', 'images', '5k.png')) },
        ],
      },
    ],
  };
}

const hubPanel = (page: Page) => page.getByTestId('hub-panel');
const hubAddress = (page: Page) => hubPanel(page).getByLabel('Địa chỉ máy chủ');
const card = (page: Page, id: string) => page.locator(`[data-testid="pack-card"][data-pack-id="${id}"]`);
const available = (page: Page, title: string) => page.getByTestId('available-packs').locator('li', { hasText: title });
const materialRow = (page: Page, id: string) => page.locator(`[data-testid="material-row"][data-material-id="${id}"]`);

/** The laptop trusts the province's root, as district IT sets it up once. */
async function trustProvince(app: ChiengApp): Promise<void> {
  await expect(app.callCore('trust.add', { root: JSON.stringify(world.root.file) })).resolves.toMatchObject({ ok: true });
}

/** Types the hub's address into the Sync place and saves it. */
async function setHubAddress(page: Page, url: string): Promise<void> {
  await hubAddress(page).fill(url);
  await hubPanel(page).getByRole('button', { name: 'Lưu' }).click();
  await expect(hubPanel(page).getByRole('status')).toHaveText('Đã lưu địa chỉ máy chủ.');
}

/** Checks, then downloads everything new, and waits for what it says. */
async function checkAndSyncAll(page: Page): Promise<void> {
  await hubPanel(page).getByRole('button', { name: 'Kiểm tra bản mới' }).click();
  await hubPanel(page)
    .getByRole('button', { name: /^Tải và cài tất cả \(/ })
    .click();
  await expect(page.getByTestId('sync-results')).toBeVisible();
}

test('a pack published on the hub arrives through the Sync place: official, with its materials in the library', async ({ app }) => {
  await world.publish(await guidanceSpec());
  const hub = await world.serveScripted();
  await trustProvince(app);
  const { page } = app;

  await navLink(page, 'sync').click();
  await expect(hubPanel(page).getByRole('heading', { name: 'Máy chủ của tỉnh' })).toBeVisible();
  await expect(page.getByTestId('catalog-status')).toHaveText('Máy này chưa đồng bộ với máy chủ lần nào.');
  // No address yet: nothing to ask.
  await expect(hubPanel(page).getByRole('button', { name: 'Kiểm tra bản mới' })).toBeDisabled();
  await expect(card(page, guidance.id)).toHaveCount(0);

  await setHubAddress(page, hub.url);
  const check = hubPanel(page).getByRole('button', { name: 'Kiểm tra bản mới' });
  await expect(check).toBeEnabled();
  await check.click();
  const offered = available(page, guidance.title);
  await expect(offered).toContainText(`${guidance.title} · Gói mới`);
  await expect(offered).toContainText(/Cần tải: .+ \(cả gói .+\)/);
  await expect(page.getByTestId('available-packs').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('catalog-status')).toHaveText(/^Danh mục mới nhất đã nhận: phiên bản 1, ngày .+\.$/);

  await hubPanel(page)
    .getByRole('button', { name: /^Tải và cài tất cả \(.+\)$/ })
    .click();
  await expect(page.getByTestId('sync-results')).toHaveText(`Đã cài “${guidance.title}” (phiên bản 1).`);
  await expect(offered).toContainText('Đã có bản mới nhất');
  await expect(hubPanel(page).getByRole('button', { name: /^Tải và cài tất cả/ })).toHaveCount(0);
  await expect(hubPanel(page).getByRole('alert')).toHaveCount(0);
  // One pass: the sync installed from the check shown and answered with the state above; the
  // hub was asked for its catalog and the pack's documents once each.
  const asked = (path: string) => hub.requests.filter((request) => request.path === path).length;
  expect([hubPaths.catalog, hubPaths.packDocument(guidance.id, 1, 'manifest.json')].map(asked)).toEqual([1, 1]);

  const installed = card(page, guidance.id);
  await expect(installed).toBeVisible();
  await expect(installed.getByRole('heading')).toHaveText(guidance.title);
  await expect(installed.getByTestId('badge-official')).toHaveText('Chính thống');
  await expect(installed.getByTestId('badge-demo')).toHaveCount(0);
  await expect(installed).toContainText('Phiên bản 1');
  await expect(installed).toContainText('Phát hành: Sở Y tế (thử nghiệm)');
  await expect(installed).toContainText('Xác thực bởi: Sở TT&TT (thử nghiệm)');
  await expect(installed).toContainText('2 tài liệu');
  // The demo pack is still there beside it.
  await expect(card(page, 'vn.chieng.demo.covid19')).toBeVisible();

  await navLink(page, 'library').click();
  for (const material of [guidance.article, guidance.image]) {
    const row = materialRow(page, `${guidance.id}/${material.id}`);
    await expect(row.getByRole('link', { name: material.title })).toBeVisible();
    await expect(row.getByTestId('badge-official')).toHaveText('Chính thống');
    await expect(row).toContainText(`Sở Y tế (thử nghiệm) · Gói “${guidance.title}”, phiên bản 1`);
  }
  await materialRow(page, `${guidance.id}/${guidance.article.id}`).getByRole('link', { name: guidance.article.title }).click();
  await expect(page.getByTestId('material-detail')).toContainText('Mỗi tuần một lần, bà con lật úp các vật chứa nước đọng quanh nhà');

  // Checking again: nothing new. And the address is kept across a restart.
  await navLink(page, 'sync').click();
  await hubPanel(page).getByRole('button', { name: 'Kiểm tra bản mới' }).click();
  await expect(hubPanel(page)).toContainText('Không có gì mới. Máy này đã có đủ các gói của tỉnh.');
  const later = await app.restart();
  await navLink(later, 'sync').click();
  await expect(hubAddress(later)).toHaveValue(hub.url);
  await expect(later.getByTestId('catalog-status')).toContainText('Danh mục mới nhất đã nhận: phiên bản 1');
  await expect(card(later, guidance.id).getByTestId('badge-official')).toBeVisible();
});

test('a download shows its progress in bytes, files, speed and time left; stopped, it keeps what came and later fetches only the rest', async ({
  app,
}) => {
  // Two files of 400 KB: the hub trickles out the first and stalls a quarter into the second,
  // as a weak mobile connection does, until the officer stops.
  const pack = imagePack('vn.test.anh-tuyen-truyen', 1, 2, () => 400_000, 'Ảnh tuyên truyền (thử nghiệm)');
  await world.publish(pack);
  const hub = await world.serveScripted();
  const [first, second] = pack.files.map((file) => hubPaths.object(sha256Of(file.content))) as [string, string];
  hub.script(first, { kind: 'slow', pieceBytes: 16_000, pauseMs: 40 }, 1);
  hub.script(second, { kind: 'stall', afterBytes: 100_000 }, 1);
  await trustProvince(app);
  const { page } = app;
  await navLink(page, 'sync').click();
  await setHubAddress(page, hub.url);

  await hubPanel(page).getByRole('button', { name: 'Kiểm tra bản mới' }).click();
  await expect(available(page, pack.title)).toHaveText(`${pack.title} · Gói mới · Cần tải: 800 KB (cả gói 800 KB)`);
  await hubPanel(page).getByRole('button', { name: 'Tải và cài tất cả (800 KB)' }).click();

  const progress = page.getByTestId('sync-progress');
  const bar = progress.locator('progress');
  await expect(progress.locator('.hint')).toHaveText(
    /^Ảnh tuyên truyền \(thử nghiệm\): 500 KB \/ 800 KB · 1\/2 tệp · [\d,]+ K?B\/giây · còn khoảng \d+ (giây|phút)$/,
  );
  await expect(bar).toHaveAttribute('max', '800016');
  expect(await bar.evaluate((element) => (element as HTMLProgressElement).value)).toBe(500_008);

  await hubPanel(page).getByRole('button', { name: 'Dừng' }).click();
  await expect(page.getByTestId('sync-results')).toHaveText('Đã dừng. Phần đã tải được giữ lại; lần sau sẽ tiếp tục từ chỗ dừng.');
  await expect(progress).toHaveCount(0);
  // Nothing half-installed.
  await expect(card(page, pack.id)).toHaveCount(0);

  hub.resetCounts();
  await hubPanel(page)
    .getByRole('button', { name: /^Tải và cài tất cả \(.+\)$/ })
    .click();
  await expect(page.getByTestId('sync-results')).toHaveText(`Đã cài “${pack.title}” (phiên bản 1).`);
  await expect(card(page, pack.id).getByTestId('badge-official')).toBeVisible();
  await expect(card(page, pack.id)).toContainText('2 tài liệu');
  // The file that had arrived is not fetched again, and the other continues where it stopped.
  expect(hub.served(first)).toBe(0);
  expect(hub.served(second)).toBe(300_008);
});

test('a catalog that changed since the check shown installs nothing: the new one is shown, and installed at the next click', async ({
  app,
}) => {
  await world.publish(await guidanceSpec());
  const hub = await world.serve();
  await trustProvince(app);
  const { page } = app;
  await navLink(page, 'sync').click();
  await setHubAddress(page, hub.url);
  await hubPanel(page).getByRole('button', { name: 'Kiểm tra bản mới' }).click();
  await expect(page.getByTestId('available-packs').locator('li')).toHaveCount(1);

  // Meanwhile the province publishes another pack, and another window (or `chieng pack sync`)
  // reads the new catalog: the check on this screen is no longer the hub's.
  const other = imagePack('vn.test.tin-moi', 1, 1, () => 3_000, 'Tin mới (thử nghiệm)');
  await world.publish(other);
  await expect(app.callCore('sync.check', {})).resolves.toMatchObject({ ok: true });

  await hubPanel(page)
    .getByRole('button', { name: /^Tải và cài tất cả/ })
    .click();
  await expect(page.getByTestId('catalog-changed')).toHaveText(
    'Danh mục trên máy chủ đã thay đổi kể từ lần kiểm tra vừa rồi, nên Chiêng chưa cài gì. Danh sách dưới đây là danh mục mới; hãy xem lại rồi bấm tải.',
  );
  await expect(available(page, other.title)).toContainText(`${other.title} · Gói mới`);
  await expect(available(page, guidance.title)).toContainText(`${guidance.title} · Gói mới`);
  await expect(page.getByTestId('sync-results')).toHaveCount(0);
  await expect(card(page, guidance.id)).toHaveCount(0);

  await hubPanel(page)
    .getByRole('button', { name: /^Tải và cài tất cả/ })
    .click();
  await expect(page.getByTestId('sync-results').locator('li')).toHaveText([
    `Đã cài “${guidance.title}” (phiên bản 1).`,
    `Đã cài “${other.title}” (phiên bản 1).`,
  ]);
  await expect(page.getByTestId('catalog-changed')).toHaveCount(0);
  await expect(card(page, other.id).getByTestId('badge-official')).toBeVisible();
});

test('a pack withdrawn on the hub shows as withdrawn after the next sync, and so does a single withdrawn material', async ({ app }) => {
  await world.publish(await guidanceSpec());
  const hub = await world.serve();
  await trustProvince(app);
  const { page } = app;
  await navLink(page, 'sync').click();
  await setHubAddress(page, hub.url);
  await checkAndSyncAll(page);
  const installed = card(page, guidance.id);
  await expect(installed.getByTestId('badge-official')).toBeVisible();
  await expect(installed.getByTestId('badge-withdrawn')).toHaveCount(0);

  // The province withdraws the pack and publishes another, with one material it later withdraws.
  await world.withdraw(guidance.id, undefined, 'Đã có hướng dẫn mới');
  const other = { id: 'vn.test.tin-gia', title: 'Nhận diện tin giả (thử nghiệm)' };
  await world.publish({
    id: other.id,
    title: other.title,
    items: [
      {
        id: 'bai-1',
        kind: 'article',
        languages: ['vi'],
        title: 'Tin giả về vắc xin',
        files: [{ path: 'bai-1.md', content: '# Tin giả về vắc xin\n\nHãy hỏi trạm y tế xã.\n' }],
      },
      {
        id: 'bai-2',
        kind: 'article',
        languages: ['vi'],
        title: 'Tin giả về thuốc chữa bệnh',
        files: [{ path: 'bai-2.md', content: '# Tin giả về thuốc\n\nKhông tự mua thuốc.\n' }],
      },
    ],
  });

  await hubPanel(page).getByRole('button', { name: 'Kiểm tra bản mới' }).click();
  await expect(available(page, guidance.title)).toContainText(`${guidance.title} · Đã bị thu hồi`);
  await expect(available(page, other.title)).toContainText(`${other.title} · Gói mới`);
  await hubPanel(page)
    .getByRole('button', { name: /^Tải và cài tất cả/ })
    .click();
  await expect(page.getByTestId('sync-results')).toHaveText(`Đã cài “${other.title}” (phiên bản 1).`);

  const withdrawnBadge = installed.getByTestId('badge-withdrawn');
  await expect(withdrawnBadge).toHaveText('Đã bị tỉnh thu hồi');
  await expect(withdrawnBadge).toHaveAttribute('title', 'Đã có hướng dẫn mới');
  // Withdrawn is not deleted: the pack stays, still said to be official, and marked.
  await expect(installed.getByTestId('badge-official')).toBeVisible();
  await expect(card(page, other.id).getByTestId('badge-withdrawn')).toHaveCount(0);

  await navLink(page, 'library').click();
  for (const material of [guidance.article, guidance.image]) {
    await expect(materialRow(page, `${guidance.id}/${material.id}`).getByTestId('material-withdrawn-badge')).toHaveText('Đã bị thu hồi');
  }
  await expect(materialRow(page, `${other.id}/bai-1`).getByTestId('material-withdrawn-badge')).toHaveCount(0);

  // One material of the new pack withdrawn: the next check is all it takes, nothing to download.
  await world.withdraw(other.id, 'bai-2', 'Thông tin chưa chính xác');
  await navLink(page, 'sync').click();
  await hubPanel(page).getByRole('button', { name: 'Kiểm tra bản mới' }).click();
  await expect(hubPanel(page)).toContainText('Không có gì mới. Máy này đã có đủ các gói của tỉnh.');
  await expect(card(page, other.id).getByTestId('badge-withdrawn-items')).toHaveText('1 tài liệu đã bị thu hồi');
  await expect(card(page, other.id).getByTestId('badge-withdrawn')).toHaveCount(0);
  await navLink(page, 'library').click();
  await expect(materialRow(page, `${other.id}/bai-2`).getByTestId('material-withdrawn-badge')).toHaveText('Đã bị thu hồi');
  await expect(materialRow(page, `${other.id}/bai-1`).getByTestId('material-withdrawn-badge')).toHaveCount(0);

  // Known offline too, after a restart with the hub gone.
  await hub.close();
  const later = await app.restart();
  await navLink(later, 'sync').click();
  await expect(card(later, guidance.id).getByTestId('badge-withdrawn')).toHaveText('Đã bị tỉnh thu hồi');
  await expect(card(later, other.id).getByTestId('badge-withdrawn-items')).toHaveText('1 tài liệu đã bị thu hồi');
});

test('with no network the app says so in plain Vietnamese and keeps every installed pack', async ({ app }) => {
  await world.publish(await guidanceSpec());
  const hub = await world.serve();
  await trustProvince(app);
  const { page } = app;
  await navLink(page, 'sync').click();
  await setHubAddress(page, hub.url);
  await checkAndSyncAll(page);
  await expect(card(page, guidance.id)).toBeVisible();
  await expect(page.getByTestId('available-packs')).toBeVisible();

  // At the village: no network, the hub's name does not even resolve.
  await setHubAddress(page, 'http://chieng-hub.invalid/');
  await hubPanel(page).getByRole('button', { name: 'Kiểm tra bản mới' }).click();
  const problem = page.getByTestId('sync-problem');
  await expect(problem).toHaveText('Máy đang không có mạng. Chiêng vẫn dùng bình thường với các gói đã có; hãy đồng bộ khi có mạng.');
  // Said as a state of things, not as an error.
  await expect(problem).toHaveAttribute('role', 'status');
  await expect(hubPanel(page).getByRole('alert')).toHaveCount(0);
  // What the hub offered before is not shown as if it were still known.
  await expect(page.getByTestId('available-packs')).toHaveCount(0);
  await expect(hubPanel(page).getByRole('button', { name: /^Tải và cài tất cả/ })).toHaveCount(0);
  await expect(hubPanel(page).getByRole('button', { name: 'Kiểm tra bản mới' })).toBeEnabled();

  for (const id of [guidance.id, 'vn.chieng.demo.covid19']) await expect(card(page, id)).toBeVisible();
  await expect(card(page, guidance.id).getByTestId('badge-official')).toBeVisible();
  await expect(page.getByTestId('catalog-status')).toContainText('Danh mục mới nhất đã nhận: phiên bản 1');
  await navLink(page, 'library').click();
  // Every material is still listed: the demo pack's and the two synced before.
  await expect(page.getByTestId('library-status')).toHaveText(`${demoMaterialCount + 2} tài liệu, mới nhất trước`);
  await expect(materialRow(page, `${guidance.id}/${guidance.article.id}`)).toBeVisible();

  // The hub's own machine down (the address resolves, nobody answers): said differently.
  await navLink(page, 'sync').click();
  await setHubAddress(page, hub.url);
  await hub.close();
  await hubPanel(page).getByRole('button', { name: 'Kiểm tra bản mới' }).click();
  await expect(problem).toHaveText(`Không kết nối được máy chủ ${new URL(hub.url).host}. Phần đã tải được giữ lại; hãy thử lại sau.`);
  await expect(card(page, guidance.id)).toBeVisible();
});

test('a mistyped hub address is refused with a clear message, and the saved one is kept', async ({ app }) => {
  const hub = await world.serve();
  const { page } = app;
  await navLink(page, 'sync').click();
  await setHubAddress(page, hub.url);

  for (const typed of ['may-chu-tinh.daklak', 'ftp://hub.daklak.gov.vn/', 'http//hub.daklak.gov.vn']) {
    await hubAddress(page).fill(typed);
    await hubPanel(page).getByRole('button', { name: 'Lưu' }).click();
    const refusal = hubPanel(page).getByRole('alert');
    await expect(refusal).toHaveText(`Địa chỉ máy chủ “${typed}” không hợp lệ; cần dạng http://… hoặc https://…`);
    await expect(hubAddress(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(hubAddress(page)).toHaveAccessibleDescription(`Địa chỉ máy chủ “${typed}” không hợp lệ; cần dạng http://… hoặc https://…`);
    await expect(hubPanel(page).getByText('Đã lưu địa chỉ máy chủ.')).toHaveCount(0);
  }

  // Not saved: the core still has the good address, as a restart shows.
  const later = await app.restart();
  await navLink(later, 'sync').click();
  await expect(hubAddress(later)).toHaveValue(hub.url);
  await expect(hubAddress(later)).not.toHaveAttribute('aria-invalid', 'true');

  // Correcting it clears the message.
  await hubAddress(later).fill('ftp://hub.daklak.gov.vn/');
  await hubPanel(later).getByRole('button', { name: 'Lưu' }).click();
  await expect(hubPanel(later).getByRole('alert')).toBeVisible();
  await setHubAddress(later, 'https://hub.daklak.gov.vn/');
  await expect(hubPanel(later).getByRole('alert')).toHaveCount(0);
  await expect(hubAddress(later)).not.toHaveAttribute('aria-invalid', 'true');
});
