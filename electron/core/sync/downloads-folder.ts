// Where a sync's downloads wait until their install commits, and what a stopped sync left
// there for the next one: partial files (`<sha256>.part`), and whole files a bundle brought
// (`<first two hex digits>/<sha256>`, folders named as the store's, so most move in whole).
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export interface HeldDownloads {
  /** Partial downloads: their size, by SHA-256. */
  readonly parts: ReadonlyMap<string, number>;
  /** Whole files a bundle brought, by SHA-256. */
  readonly wholes: ReadonlySet<string>;
}

export interface DownloadsFolder {
  partOf(sha256: string): string;
  wholeOf(sha256: string): string;
  /** What earlier, stopped syncs left, in one listing per folder. */
  held(): Promise<HeldDownloads>;
  /** Removes every download `keep` refuses, and folders left empty. */
  forget(keep: (sha256: string) => Promise<boolean>): Promise<void>;
}

export function openDownloadsFolder(dir: string): DownloadsFolder {
  const wholeOf = (sha256: string) => path.join(dir, sha256.slice(0, 2), sha256);
  return {
    partOf: (sha256) => path.join(dir, `${sha256}.part`),
    wholeOf,
    async held() {
      const parts = new Map<string, number>();
      const wholes = new Set<string>();
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (entry.isDirectory()) {
          for (const name of await readdir(path.join(dir, entry.name)).catch(() => [] as string[])) wholes.add(name);
        } else if (entry.isFile() && entry.name.endsWith('.part')) {
          const size = (await stat(path.join(dir, entry.name)).catch(() => undefined))?.size;
          if (size !== undefined) parts.set(entry.name.slice(0, -'.part'.length), size);
        }
      }
      return { parts, wholes };
    },
    async forget(keep) {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const entryPath = path.join(dir, entry.name);
        if (!entry.isDirectory()) {
          if (!(await keep(entry.name.replace(/\.part$/, '')))) await rm(entryPath, { force: true });
          continue;
        }
        const names = await readdir(entryPath).catch(() => [] as string[]);
        let left = names.length;
        for (const name of names) {
          if (await keep(name)) continue;
          await rm(path.join(entryPath, name), { recursive: true, force: true });
          left -= 1;
        }
        if (left === 0) await rm(entryPath, { recursive: true, force: true });
      }
    },
  };
}
