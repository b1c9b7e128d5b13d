import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../../electron/core/i18n/translator';
import { contentSecurityPolicy } from '../../../electron/core/ui-assets/content-security-policy';
import { dataDirArgument } from '../../../electron/main/command-line';
import { buildMenuTemplate } from '../../../electron/main/menu';
import { respondToUiRequest } from '../../../electron/main/ui-response';
import { makeTempDir } from '../../support/temp-dir';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let rendererDir: string;
beforeAll(async () => {
  temp = await makeTempDir('chieng-protocol');
  rendererDir = path.join(temp.dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
  await writeFile(path.join(rendererDir, 'assets', 'font.ttf'), 'x');
  await writeFile(path.join(temp.dir, 'secret.txt'), 'secret');
});
afterAll(() => temp.remove());

describe('the app:// protocol', () => {
  const get = (url: string, method = 'GET') => respondToUiRequest(new Request(url, { method }), rendererDir);

  it('serves the UI with the CSP header', async () => {
    const response = await get('app://chieng/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await get('app://chieng/assets/font.ttf')).headers.get('content-type')).toBe('font/ttf');
  });

  it('refuses escapes from the renderer folder and other hosts', async () => {
    expect((await get('app://chieng/assets%2f..%2f..%2fsecret.txt')).status).toBe(400);
    expect((await get('app://chieng/..%5csecret.txt')).status).toBe(400);
    const normalised = await get('app://chieng/../secret.txt');
    expect(normalised.status).toBe(404);
    expect(await normalised.text()).not.toContain('secret');
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://chieng/index.html', 'POST')).status).toBe(405);
  });
});

describe('the menu', () => {
  const labels = (locale: string) =>
    buildMenuTemplate(createTranslator(locale).t, { about: () => undefined }).flatMap((menu) => [
      menu.label ?? '',
      ...(Array.isArray(menu.submenu) ? menu.submenu.map((item) => item.label ?? item.type ?? '') : []),
    ]);

  it('speaks Vietnamese by default', () => {
    expect(labels('vi')).toEqual(
      expect.arrayContaining(['Tệp', 'Thoát Chiêng', 'Sửa', 'Sao chép', 'Dán', 'Xem', 'Trợ giúp', 'Giới thiệu Chiêng']),
    );
  });

  it('speaks English when asked, and never shows a raw key', () => {
    expect(labels('en')).toEqual(expect.arrayContaining(['File', 'Edit', 'Help']));
    for (const locale of ['vi', 'en']) for (const label of labels(locale)) expect(label).not.toMatch(/^menu:|^$/);
  });
});

describe('the desktop command line', () => {
  it('takes --data-dir in both forms', () => {
    expect(dataDirArgument(['/app/chieng', '--data-dir', '/tmp/a'])).toBe('/tmp/a');
    expect(dataDirArgument(['/app/chieng', '--data-dir=/tmp/b'])).toBe('/tmp/b');
    expect(dataDirArgument(['/app/chieng', '--data-dir='])).toBeUndefined();
    expect(dataDirArgument(['/app/chieng'])).toBeUndefined();
  });
});
