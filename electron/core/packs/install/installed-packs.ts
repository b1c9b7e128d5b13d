// The packs installed in a data folder: per pack, one folder per version and one small
// pointer file naming the active version. Switching versions rewrites only the pointer.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../../storage/write-file-durably';
import { packId, sha256Hex, timestamp } from '../format/schemas';
import { archiveNames } from '../archive/pack-archive-writer';

const pointerSchema = z.object({ version: z.number().int().min(1), manifestSha256: sha256Hex, installedAt: timestamp });
export type PackPointer = z.infer<typeof pointerSchema>;

/** The signed documents kept for each installed version, exactly as received. */
export interface StoredDocuments {
  readonly manifest: Uint8Array;
  readonly manifestSignature: Uint8Array;
  readonly publisher: Uint8Array;
  readonly publisherSignature: Uint8Array;
}

const documentFiles = {
  manifest: archiveNames.manifest,
  manifestSignature: archiveNames.manifestSignature,
  publisher: archiveNames.publisher,
  publisherSignature: archiveNames.publisherSignature,
} as const satisfies Record<keyof StoredDocuments, string>;

export interface InstalledPacks {
  ids(): Promise<string[]>;
  pointer(id: string): Promise<PackPointer | undefined>;
  documents(id: string, version: number): Promise<StoredDocuments>;
  /** Writes a version's documents durably; not visible until `activate`. */
  writeVersion(id: string, version: number, documents: StoredDocuments): Promise<void>;
  /** The atomic switch: one small file, replaced durably. */
  activate(id: string, pointer: PackPointer): Promise<void>;
  /** Makes a pack invisible at once (pointer gone), then removes its folder. */
  remove(id: string): Promise<void>;
  /** Removes version folders no pointer names (left by a crash or a replaced version). */
  pruneVersions(): Promise<void>;
}

export function openInstalledPacks(root: string): InstalledPacks {
  const packDir = (id: string) => path.join(root, packId.parse(id));
  const versionDir = (id: string, version: number) => path.join(packDir(id), `v${version}`);
  const pointerFile = (id: string) => path.join(packDir(id), 'current.json');

  const readPointer = async (id: string): Promise<PackPointer | undefined> => {
    try {
      return pointerSchema.parse(JSON.parse(await readFile(pointerFile(id), 'utf8')));
    } catch {
      return undefined;
    }
  };

  return {
    async ids() {
      const names = await readdir(root).catch(() => [] as string[]);
      const ids: string[] = [];
      for (const name of names) if (packId.safeParse(name).success && (await readPointer(name))) ids.push(name);
      return ids.sort();
    },
    pointer: readPointer,
    async documents(id, version) {
      const dir = versionDir(id, version);
      const read = (name: string) => readFile(path.join(dir, name));
      return {
        manifest: await read(documentFiles.manifest),
        manifestSignature: await read(documentFiles.manifestSignature),
        publisher: await read(documentFiles.publisher),
        publisherSignature: await read(documentFiles.publisherSignature),
      };
    },
    async writeVersion(id, version, documents) {
      const dir = versionDir(id, version);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      // Side by side: each waits for its own flush to the disk, which the others can share.
      await Promise.all(
        (Object.keys(documentFiles) as (keyof StoredDocuments)[]).map((key) =>
          writeFileDurably(path.join(dir, documentFiles[key]), documents[key]),
        ),
      );
    },
    activate: (id, pointer) => writeFileDurably(pointerFile(id), `${JSON.stringify(pointer)}\n`),
    async remove(id) {
      await rm(pointerFile(id), { force: true });
      await rm(packDir(id), { recursive: true, force: true });
    },
    async pruneVersions() {
      for (const name of await readdir(root).catch(() => [] as string[])) {
        if (!packId.safeParse(name).success) continue;
        const pointer = await readPointer(name);
        for (const entry of await readdir(packDir(name)).catch(() => [] as string[])) {
          if (entry === 'current.json' || entry === `v${pointer?.version ?? -1}`) continue;
          await rm(path.join(packDir(name), entry), { recursive: true, force: true });
        }
        if (!pointer) await rm(packDir(name), { recursive: true, force: true });
      }
    },
  };
}
