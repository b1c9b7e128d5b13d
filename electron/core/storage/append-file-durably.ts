import { open } from 'node:fs/promises';
import path from 'node:path';
import { syncFolder } from './durable-folder';

export interface DurableAppendOptions {
  /** The file's name may not be on disk yet (it is new, or not yet seen synced by this process): sync its folder too. */
  readonly syncFolder: boolean;
  readonly platform?: NodeJS.Platform;
}

/**
 * Adds `text` at the end of `file` (made if missing) so that once this resolves it survives a
 * power cut: one fdatasync of a few bytes, where rewriting the file would cost all of it and
 * two more syncs. A crash before this resolves can leave the start of `text` at the end of the
 * file, so readers must ignore a last line that has no line break.
 */
export async function appendFileDurably(file: string, text: string, options: DurableAppendOptions): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.appendFile(text);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  if (options.syncFolder) await syncFolder(path.dirname(file), options.platform);
}
