import { execFile } from 'node:child_process';

/**
 * Makes everything written on the file system holding `dir` durable in one step, where the
 * system offers one: Linux's syncfs, through coreutils' `sync -f`. Thousands of separate
 * fsyncs cost several times more than one flush of the same data. Resolves false where there
 * is no such step (Windows, macOS, a missing `sync`), so the caller fsyncs file by file.
 */
export function flushFileSystem(dir: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (platform !== 'linux') return Promise.resolve(false);
  return new Promise((resolve) => {
    execFile('sync', ['-f', dir], { timeout: 10 * 60_000 }, (error) => resolve(!error));
  });
}
