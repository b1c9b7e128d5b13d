// Hand-made archives for attack tests: names, links, duplicates and sizes that no honest
// tool writes. yazl refuses dangerous names, so entries get harmless placeholders of the
// same length, patched afterwards in both the local and the central headers.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';

export interface CraftedEntry {
  readonly name: string;
  readonly data: Buffer;
  readonly mode?: number;
  readonly compress?: boolean;
  /** Claim this uncompressed size in the headers instead of the real one. */
  readonly claimedSize?: number;
}

const localSignature = 0x04034b50;
const centralSignature = 0x02014b50;

export async function craftArchive(entries: readonly CraftedEntry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const placeholders = entries.map((entry, index) => placeholderFor(entry.name, index));
  entries.forEach((entry, index) => {
    zip.addBuffer(entry.data, placeholders[index] ?? '', {
      mode: entry.mode ?? 0o100644,
      compress: entry.compress ?? false,
      mtime: new Date(Date.UTC(2020, 0, 1)),
    });
  });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as Readable) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  entries.forEach((entry, index) => {
    const placeholder = Buffer.from(placeholders[index] ?? '');
    for (let at = bytes.indexOf(placeholder); at >= 0; at = bytes.indexOf(placeholder, at + 1)) {
      Buffer.from(entry.name).copy(bytes, at);
      if (entry.claimedSize === undefined) continue;
      if (bytes.readUInt32LE(at - 30) === localSignature) bytes.writeUInt32LE(entry.claimedSize, at - 8);
      if (bytes.readUInt32LE(at - 46) === centralSignature) bytes.writeUInt32LE(entry.claimedSize, at - 22);
    }
  });
  return bytes;
}

function placeholderFor(name: string, index: number): string {
  const stem = `zq${index}z`;
  return (stem + 'q'.repeat(Math.max(0, name.length - stem.length))).slice(0, Math.max(name.length, stem.length));
}

/** Every entry of a real archive, to rebuild it with one part changed. */
export async function readArchiveEntries(bytes: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const entries: { name: string; data: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}
