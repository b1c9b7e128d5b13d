// `npm run bench`: builds the app once, then measures each figure in ./figures/ in turn and
// prints one JSON line per figure on stdout; everything else goes to stderr.
// `npm run bench -- cold_start` measures only the figures whose name contains an argument.
// Missing a target is a result (`"met":false`); only a figure that crashes fails the run.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { buildAll } from '../../scripts/lib/build-all';
import { launchBrowser } from './support/browser';
import type { BenchContext, Figure } from './support/figure';
import { reportLine } from './support/report';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const figuresDir = new URL('./figures/', import.meta.url);
const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

async function loadFigures(filters: readonly string[]): Promise<Figure[]> {
  const files = (await readdir(figuresDir)).filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts')).sort();
  const figures: Figure[] = [];
  for (const file of files) {
    const module = (await import(new URL(file, figuresDir).href)) as { default?: Figure };
    if (typeof module.default?.measure !== 'function') throw new Error(`figures/${file} has no default-exported figure`);
    figures.push(module.default);
  }
  return figures.filter(({ name }) => filters.length === 0 || filters.some((filter) => name.includes(filter)));
}

async function main(): Promise<number> {
  // The build and the CLI take paths relative to the repository.
  process.chdir(repoRoot);
  const figures = await loadFigures(process.argv.slice(2));
  log(`building (${figures.length} figure(s) to measure)`);
  await buildAll();

  let browser: Promise<Browser> | undefined;
  const context: BenchContext = { repoRoot, browser: () => (browser ??= launchBrowser()), log };
  let crashed = 0;
  try {
    for (const figure of figures) {
      log(`measuring ${figure.name}`);
      try {
        process.stdout.write(`${reportLine(figure, await figure.measure(context))}\n`);
      } catch (error) {
        crashed += 1;
        log(`${figure.name} crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } finally {
    await (await browser?.catch(() => undefined))?.close();
  }
  return crashed === 0 ? 0 : 1;
}

process.exitCode = await main().catch((error: unknown) => {
  log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
});
