// Temporary folders that are removed however the work inside them ends.
import { mkdir, mkdtemp, rm, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function withTempDir<T>(label: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${label}-`));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Like withTempDir, but inside tests/bench/.tmp (git-ignored), for work that must resolve
 * the repository's node_modules from its own folder, such as a Vite build.
 */
export async function withRepoTempDir<T>(repoRoot: string, label: string, work: (dir: string) => Promise<T>): Promise<T> {
  const parent = path.join(repoRoot, 'tests', 'bench', '.tmp');
  await mkdir(parent, { recursive: true });
  const dir = await mkdtemp(path.join(parent, `${label}-`));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
    // Leave no empty folder behind, unless a concurrent run is still using it.
    await rmdir(parent).catch(() => undefined);
  }
}
