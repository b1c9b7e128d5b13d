// Writes a `.chieng` archive: the signed documents, then one entry per distinct object.
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { isTextMediaType } from '../format/media-types';

export interface ArchiveObject {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly open: () => Readable;
}

// A fixed time for every entry, so that the same pack always makes the same bytes.
const entryTime = new Date(Date.UTC(2020, 0, 1));

export const archiveNames = {
  manifest: 'manifest.json',
  manifestSignature: 'manifest.sig',
  publisher: 'publisher.json',
  publisherSignature: 'publisher.sig',
  revocations: 'revocations.json',
  revocationsSignature: 'revocations.sig',
  objectPrefix: 'objects/',
} as const;

/**
 * Writes the archive to a temporary name beside `out` and renames it into place, so a
 * failed export never leaves a half-written file that looks like a pack.
 */
export async function writePackArchive(
  out: string,
  documents: ReadonlyMap<string, Uint8Array>,
  objects: readonly ArchiveObject[],
): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of documents) zip.addBuffer(Buffer.from(bytes), name, { mtime: entryTime, mode: 0o100644 });
  const seen = new Set<string>();
  for (const object of objects) {
    if (seen.has(object.sha256)) continue;
    seen.add(object.sha256);
    // Media is compressed already; only text gains from deflate.
    zip.addReadStreamLazy(
      `${archiveNames.objectPrefix}${object.sha256}`,
      { mtime: entryTime, mode: 0o100644, size: object.size, compress: isTextMediaType(object.mediaType) },
      (callback) => {
        callback(null, object.open());
      },
    );
  }
  zip.end();
  const temp = `${out}.part`;
  try {
    await pipeline(zip.outputStream as Readable, createWriteStream(temp));
    await rename(temp, out);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
