// `npm run dist [-- --win] [-- --linux]`: builds the app, then packages it with electron-builder
// (build/electron-builder.json) into release/. With no flag it packages for this platform.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type CliOptions } from 'electron-builder';
import { buildAll } from './lib/build-all';

const projectDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const platformFlags = { '--win': 'win', '--linux': 'linux' } as const;

/** Ends the run with one line on stderr. Exits explicitly: electron-builder leaves ~30 s of timers behind. */
function fail(message: string, code = 1): never {
  console.error(`dist: ${message}`);
  process.exit(code);
}

/** The first line of an error's message: the stack and got's request dump help nobody here. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0]?.trim() || 'unknown error';
}

/**
 * Says what could not be downloaded, or undefined if the error is not a download failure.
 * electron-builder fetches the Electron zip (and its SHASUMS256.txt) and, per target, tools
 * such as fpm or appimagetool, all through got, whose errors carry the URL in `options.url`.
 */
function describeDownloadFailure(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { options } = error as { options?: { url?: unknown } };
  const url = options?.url;
  if (!(url instanceof URL) && typeof url !== 'string') return undefined;
  const file = path.posix.basename(new URL(url).pathname);
  const reason = reasonOf(error);
  if (/^electron-v.+\.zip$/.test(file) || file === 'SHASUMS256.txt') {
    return `cannot download the Electron runtime (${reason}); run on a machine that can reach github.com, or set ELECTRON_MIRROR to a reachable mirror`;
  }
  return `cannot download the packaging tool ${file} (${reason}); run on a machine that can reach github.com, or set ELECTRON_BUILDER_BINARIES_MIRROR to a reachable mirror`;
}

const options: CliOptions = { projectDir, config: 'build/electron-builder.json', publish: 'never' };
for (const arg of process.argv.slice(2)) {
  if (!Object.hasOwn(platformFlags, arg)) fail(`unknown option ${arg} (use --win and/or --linux; none packages for this platform)`, 2);
  // An empty list means "the targets in the config", as electron-builder's own --win/--linux do.
  options[platformFlags[arg as keyof typeof platformFlags]] = [];
}

process.chdir(projectDir);
try {
  await buildAll();
} catch (error) {
  fail(`build failed: ${reasonOf(error)}`);
}

try {
  const artifacts = await build(options);
  for (const artifact of artifacts) console.log(`dist: ${path.relative(projectDir, artifact)}`);
} catch (error) {
  fail(describeDownloadFailure(error) ?? `electron-builder failed: ${error instanceof Error ? error.message : String(error)}`);
}
process.exit(0);
