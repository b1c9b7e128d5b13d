// `npm start`: builds, then opens the desktop app. Where the Electron runtime is not
// installed and cannot be fetched, says so in one line and serves the same app through
// the browser host instead, printing the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { createTranslator } from '../electron/core/i18n/translator';
import { cliLanguage } from '../electron/cli/cli-language';
import { buildAll } from './lib/build-all';

const { t } = createTranslator(cliLanguage(process.env));
const passThrough = process.argv.slice(2);

await buildAll();
const electron = findElectron();
if (electron.found) {
  const child = spawn(electron.path, ['dist/main/index.js', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => {
    if (code) console.error(t('cli:start.electronFailed', { code }));
    process.exitCode = code ?? 1;
  });
} else {
  serveInBrowser(electron.reason);
}

/**
 * The electron package fetches its runtime on first use; ask it in a child process so its
 * download noise and failure stay out of this one. A failed fetch is quick when offline.
 */
function findElectron(): { found: true; path: string } | { found: false; reason: string } {
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], {
    encoding: 'utf8',
    timeout: 180_000,
    cwd: process.cwd(),
  });
  if (probe.status === 0 && probe.stdout) return { found: true, path: probe.stdout };
  const detail = `${probe.stderr}\n${probe.error?.message ?? ''}`;
  const reason =
    /ENOTFOUND|EAI_AGAIN|fetch failed|ECONNREFUSED|ETIMEDOUT|ENETUNREACH/.exec(detail)?.[0] ??
    (probe.signal ? 'timeout' : 'electron failed to install');
  return { found: false, reason };
}

function serveInBrowser(reason: string): void {
  const child = spawn(process.execPath, ['bin/chieng.js', 'serve', '--json', ...passThrough], { stdio: ['inherit', 'pipe', 'inherit'] });
  let announced = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (announced) {
      process.stdout.write(chunk);
      return;
    }
    announced = true;
    const { url } = JSON.parse(chunk.toString('utf8').split('\n')[0] ?? '{}') as { url?: string };
    console.log(t('cli:start.noElectron', { reason, url }));
  });
  child.on('exit', (code) => (process.exitCode = code ?? 1));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
}
