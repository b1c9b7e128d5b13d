import { createServer } from 'node:net';
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect } from 'vitest';
import { runChieng, serveChieng } from '../../support/cli-process';
import { coreTest as test } from '../../support/core-fixture';
import { openToEveryone, unprivilegedPrefix } from '../../support/run-as-unprivileged';

// These run the built CLI (npm test builds first), exactly as a person would.

async function snapshot(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return Promise.all(names.sort().map(async (name) => `${name}:${(await stat(path.join(dir, name))).mtimeMs}`));
}

describe('chieng serve', () => {
  test('serves the UI and the API on loopback, then stops cleanly', async ({ temp }) => {
    const serving = await serveChieng(temp.dir);
    expect(serving.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(serving.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const settings = await fetch(`${serving.url}api/call/settings.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await settings.json()).toEqual({
      ok: true,
      value: { locale: 'vi', textScale: 100, hubUrl: '', commune: '', province: 'Đắk Lắk' },
    });
    expect(await serving.stop()).toBe(0);
    await expect(readdir(temp.dir)).resolves.not.toContain('chieng.lock');
  });

  test('refuses a data folder another process holds, names it, and writes nothing', async ({ temp }) => {
    const serving = await serveChieng(temp.dir);
    try {
      const before = await snapshot(temp.dir);
      const second = await runChieng(['serve', '--data-dir', temp.dir, '--port', '0']);
      expect(second.code).toBe(1);
      const lines = second.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Thư mục dữ liệu ${temp.dir} đang được dùng bởi máy chủ “chieng serve” (tiến trình ${serving.child.pid}`);
      expect(second.stdout).toBe('');
      expect(await snapshot(temp.dir)).toEqual(before);
    } finally {
      await serving.stop();
    }
  });

  test('refuses a read-only data folder in one line, and writes nothing', async ({ temp }) => {
    const dataDir = path.join(temp.dir, 'read-only');
    await mkdir(dataDir);
    await openToEveryone(temp.dir);
    await chmod(dataDir, 0o555);
    const result = await runChieng(['serve', '--data-dir', dataDir, '--port', '0'], { prefix: unprivilegedPrefix() });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `chieng: Không ghi được vào thư mục dữ liệu ${dataDir} (chỉ đọc hoặc không có quyền). Hãy chọn thư mục khác bằng --data-dir.`,
    ]);
    await expect(readdir(dataDir)).resolves.toEqual([]);
  });

  test('says when the port is taken, and releases the data folder', async ({ temp }) => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runChieng(['serve', '--data-dir', temp.dir, '--port', String(port)], { env: { CHIENG_LANG: 'en' } });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`chieng: Port ${port} is in use by another program. Choose another with --port.`);
      await expect(readdir(temp.dir)).resolves.not.toContain('chieng.lock');
    } finally {
      blocker.close();
    }
  });
});
