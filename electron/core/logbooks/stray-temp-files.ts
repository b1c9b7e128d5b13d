import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** What a durable write names its temp file: `<file>.<pid>.<12 hex>.tmp`. */
const tempName = /\.\d+\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes the temp files of writes a crash cut short. Only the holder of the data folder's
 * lock writes here, so at start none of them can belong to a write still running; left
 * alone, a laptop that loses power often would gather them for years.
 */
export async function removeStrayTempFiles(root: string): Promise<number> {
  let removed = 0;
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !tempName.test(entry.name)) continue;
    await rm(path.join(entry.parentPath, entry.name), { force: true });
    removed += 1;
  }
  return removed;
}
