import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './cli-process';

export type ElectronRuntime =
  { readonly available: true; readonly executablePath: string } | { readonly available: false; readonly reason: string };

/**
 * Whether the Electron runtime is on this machine, without trying to download it (the
 * electron package fetches its binary lazily on first require; tests must not).
 */
export function electronRuntime(): ElectronRuntime {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile) && !override) {
    return {
      available: false,
      reason: 'the Electron runtime is not installed here (node_modules/electron has no binary; `npx install-electron` needs github.com)',
    };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron';
  const executablePath = override ? path.join(override, relative) : path.join(packageDir, 'dist', relative);
  return existsSync(executablePath)
    ? { available: true, executablePath }
    : { available: false, reason: `the Electron binary is missing at ${executablePath}` };
}
