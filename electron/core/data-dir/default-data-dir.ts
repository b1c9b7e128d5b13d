import os from 'node:os';
import path from 'node:path';

/** The folder name under the OS's per-user application data folder. ASCII on purpose: old tools on Windows mangle "Chiêng". */
export const dataFolderName = 'Chieng';

/**
 * Where the desktop app keeps its data when no --data-dir is given; the host and the CLI
 * use the same place so that all three see the same data.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), dataFolderName);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', dataFolderName);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), dataFolderName);
}
