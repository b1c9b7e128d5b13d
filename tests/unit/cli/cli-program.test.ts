import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../electron/core/i18n/translator';
import type { CliContext } from '../../../electron/cli/cli-context';
import { cliLanguage } from '../../../electron/cli/cli-language';
import { runCli } from '../../../electron/cli/program';

async function run(argv: string[], language = 'vi') {
  const out: string[] = [];
  const err: string[] = [];
  const context: CliContext = {
    t: createTranslator(language).t,
    language: language === 'en' ? 'en' : 'vi',
    resourcesDir: '/nonexistent/resources',
    embeddedPacksDir: '/nonexistent/embedded-packs',
    env: {},
    version: '1.2.3',
    rendererDir: '/nonexistent/renderer',
    out: (line) => out.push(line),
    writeRaw: (data) => Promise.resolve(void out.push(Buffer.from(data).toString('utf8'))),
    err: (line) => err.push(line),
    untilStopped: () => Promise.resolve(),
  };
  const code = await runCli(argv, context);
  return { code, out: out.join('\n'), err };
}

describe('the chieng command', () => {
  it('prints its version', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, out: '1.2.3' });
  });

  it('explains itself in Vietnamese, and in English when asked', async () => {
    const vi = await run(['--help']);
    expect(vi.code).toBe(0);
    expect(vi.out).toContain('Cách dùng:');
    expect(vi.out).toContain('serve');
    expect(vi.out).toContain('Tùy chọn:');
    const en = await run(['--help'], 'en');
    expect(en.out).toContain('Usage:');
    expect(en.out).toContain('open Chiêng in a browser');
  });

  it('explains a command', async () => {
    const help = await run(['serve', '--help']);
    expect(help.out).toContain('--data-dir <dir>');
    expect(help.out).toContain('--port <port>');
    expect(help.out).toContain('--json');
  });

  it.each([
    [['bogus'], 'chieng: Không có lệnh “bogus”. Xem: chieng --help'],
    [['--bogus'], 'chieng: Không có tùy chọn “--bogus”. Xem: chieng --help'],
    [['serve', '--port'], 'chieng: Tùy chọn “--port <port>” cần một giá trị.'],
    [['serve', '--port', '70000'], 'chieng: Cổng “70000” không hợp lệ: cần một số từ 0 đến 65535.'],
    [['serve', '--port', '12ab'], 'chieng: Cổng “12ab” không hợp lệ: cần một số từ 0 đến 65535.'],
  ])('refuses %j in one clear line', async (argv, line) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.err).toEqual([line]);
  });

  it('says the UI must be built before it can be served', async () => {
    const result = await run(['serve', '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.err).toEqual(['chieng: Chưa có giao diện đã dựng tại /nonexistent/renderer. Hãy chạy “npm run build” trước.']);
  });
});

describe('the language of the command line', () => {
  it.each([
    [{}, 'vi'],
    [{ LANG: 'C.UTF-8' }, 'vi'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', CHIENG_LANG: 'vi' }, 'vi'],
    [{ LC_ALL: 'en_GB.UTF-8', LANG: 'vi_VN.UTF-8' }, 'en'],
  ])('%j speaks %s', (env, language) => {
    expect(cliLanguage(env)).toBe(language);
  });
});
