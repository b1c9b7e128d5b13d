import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { syncFolder } from './durable-folder';

export interface DurableWriteOptions {
  /** The platform whose rename quirks apply; injectable so Windows behaviour is testable anywhere. */
  readonly platform?: NodeJS.Platform;
  /** How long to keep retrying a rename that Windows refuses (antivirus, indexer). */
  readonly renameRetryMs?: number;
  readonly rename?: typeof rename;
}

/**
 * Replaces `file` with `contents` so that after a crash or power loss the file holds either
 * the old contents or the new, never a mix: a unique temp file, fsync, rename over the
 * target, then fsync of the folder so the rename itself is on disk.
 */
export async function writeFileDurably(file: string, contents: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const platform = options.platform ?? process.platform;
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(contents);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, file, platform, options.renameRetryMs ?? 60_000, options.rename ?? rename);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(file), platform);
}

/**
 * Deletes `file` so that the deletion survives a power loss too: a journal that came back
 * after its work was done would be replayed over what was saved since.
 */
export async function removeFileDurably(file: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  await unlink(file);
  await syncFolder(path.dirname(file), platform);
}

const transientWindowsRenameCodes = new Set(['EPERM', 'EACCES', 'EBUSY']);

async function renameWithRetry(
  from: string,
  to: string,
  platform: NodeJS.Platform,
  retryMs: number,
  doRename: typeof rename,
): Promise<void> {
  const deadline = Date.now() + retryMs;
  for (let delay = 10; ; delay = Math.min(delay * 2, 1000)) {
    try {
      await doRename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const retryable = platform === 'win32' && transientWindowsRenameCodes.has(code);
      if (!retryable || Date.now() + delay > deadline) throw error;
      await sleep(delay);
    }
  }
}
