// Entry of the `chieng` command, bundled to dist/cli/chieng.js.
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { createTranslator } from '../core/i18n/translator';
import { cliLanguage } from './cli-language';
import { runCli } from './program';

const { t, language } = createTranslator(cliLanguage(process.env));

const exitCode = await runCli(process.argv.slice(2), {
  t,
  language,
  env: process.env,
  version,
  rendererDir: fileURLToPath(new URL('../renderer/', import.meta.url)),
  resourcesDir: fileURLToPath(new URL('../../resources/', import.meta.url)),
  embeddedPacksDir: fileURLToPath(new URL('../embedded-packs/', import.meta.url)),
  out: (line) => process.stdout.write(`${line}\n`),
  writeRaw: (data) => new Promise((resolve, reject) => process.stdout.write(data, (error) => (error ? reject(error) : resolve()))),
  err: (line) => process.stderr.write(`${line}\n`),
  untilStopped: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
});
// A command that finished but had something fail (`pack sync`: a pack not installed) has
// already set a failing code; success must not overwrite it.
if (exitCode !== 0 || process.exitCode === undefined) process.exitCode = exitCode;
