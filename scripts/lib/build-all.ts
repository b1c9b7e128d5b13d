// Builds everything the app runs: the renderer (Vite), and the Node bundles (esbuild) for
// Electron's main process, its sandboxed preload, and the `chieng` CLI.
import { build as esbuild, type BuildOptions } from 'esbuild';
import { build as viteBuild } from 'vite';
import { buildDemoPack } from './build-demo-pack';

const esmRequireShim =
  "import { createRequire as __chiengCreateRequire } from 'node:module'; const require = __chiengCreateRequire(import.meta.url);";

const nodeBundle: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // Smaller to parse at every start of the CLI and the app; the source maps keep traces readable.
  minify: true,
  keepNames: true,
};

export async function buildAll(): Promise<void> {
  await Promise.all([
    viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
    esbuild({
      ...nodeBundle,
      entryPoints: { chieng: 'electron/cli/main.ts' },
      outdir: 'dist/cli',
      format: 'esm',
      banner: { js: esmRequireShim },
    }),
    esbuild({
      ...nodeBundle,
      entryPoints: { index: 'electron/main/index.ts' },
      outdir: 'dist/main',
      format: 'esm',
      target: 'node22',
      external: ['electron'],
      banner: { js: esmRequireShim },
    }),
    // A sandboxed preload can neither load modules nor be ESM: one CommonJS file.
    esbuild({
      ...nodeBundle,
      entryPoints: { index: 'electron/preload/index.ts' },
      outfile: undefined,
      outdir: 'dist/preload',
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      target: 'chrome120',
      external: ['electron'],
    }),
    buildDemoPack(),
  ]);
}
