import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';

/**
 * Makes the entries of `folder` (files made, renamed or removed in it) durable: a name lives
 * in its folder, so a file synced but never named there can vanish with a power cut.
 */
export async function syncFolder(folder: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the change itself.
  if (platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes `folder` and any missing parent, each named durably in the folder above it. */
export async function makeFolderDurably(folder: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const first = await mkdir(folder, { recursive: true });
  if (first === undefined) return;
  for (let made = folder; ; made = path.dirname(made)) {
    await syncFolder(path.dirname(made), platform);
    if (made === first) return;
  }
}
