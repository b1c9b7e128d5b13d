import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { DataDirError } from './data-dir-error';

export const lockFileName = 'chieng.lock';

/** Which kind of program holds the folder; shown to the person who is refused. */
export type HolderKind = 'desktop' | 'serve' | 'cli';

const holderSchema = z.object({
  pid: z.number().int(),
  hostname: z.string(),
  kind: z.enum(['desktop', 'serve', 'cli']),
  startedAt: z.string(),
});
export type LockHolder = z.infer<typeof holderSchema>;

export interface DataDirLock {
  readonly dataDir: string;
  readonly holder: LockHolder;
  /** Releases the lock now, from an exit handler where nothing async may run. */
  readonly releaseSync: () => void;
}

// A lock file this young with unreadable contents is being written right now; older, it
// is what a crash left between creating the file and writing it.
const unreadableLockGraceMs = 5_000;

/**
 * Makes this process the only one using `dataDir`. Nothing is written unless the lock is
 * won; a folder held by a live process, or one that cannot be written, is refused with a
 * DataDirError naming the holder or the folder.
 */
export async function acquireDataDirLock(dataDir: string, kind: HolderKind): Promise<DataDirLock> {
  const dir = path.resolve(dataDir);
  await ensureFolder(dir);
  const file = path.join(dir, lockFileName);
  const holder: LockHolder = { pid: process.pid, hostname: os.hostname(), kind, startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (await tryCreate(file, dir, holder)) {
      return { dataDir: dir, holder, releaseSync: () => releaseSync(file, holder) };
    }
    const current = await readHolder(file);
    if (current.state === 'gone') continue;
    if (current.state === 'being-written') {
      await sleep(50);
      continue;
    }
    if (current.state === 'stale' || !isAlive(current.holder)) {
      await unlink(file).catch(() => undefined);
      continue;
    }
    throw new DataDirError('locked', {
      path: dir,
      pid: current.holder.pid,
      kind: current.holder.kind,
      hostname: current.holder.hostname,
      since: current.holder.startedAt,
    });
  }
  throw new DataDirError('unusable', { path: dir, reason: 'lock' });
}

async function ensureFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const info = await stat(dir);
    if (!info.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw folderError(error, dir);
  }
}

async function tryCreate(file: string, dir: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw folderError(error, dir);
  }
  try {
    await handle.writeFile(JSON.stringify(holder));
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

type LockState =
  | { readonly state: 'held'; readonly holder: LockHolder }
  | { readonly state: 'gone' }
  | { readonly state: 'being-written' }
  | { readonly state: 'stale' };

async function readHolder(file: string): Promise<LockState> {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) return { state: 'held', holder: parsed.data };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'gone' };
  }
  try {
    const age = Date.now() - (await stat(file)).mtimeMs;
    return age > unreadableLockGraceMs ? { state: 'stale' } : { state: 'being-written' };
  } catch {
    return { state: 'gone' };
  }
}

function isAlive(holder: LockHolder): boolean {
  // A holder on another machine (a shared folder) cannot be checked: assume it is alive.
  if (holder.hostname !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseSync(file: string, holder: LockHolder): void {
  try {
    const current = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (current.pid === holder.pid && current.startedAt === holder.startedAt) unlinkSync(file);
  } catch {
    // Already gone, or taken over: nothing of ours to release.
  }
}

function folderError(error: unknown, dir: string): DataDirError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new DataDirError('readOnly', { path: dir });
  }
  return new DataDirError('unusable', { path: dir, reason: code || String(error) });
}
