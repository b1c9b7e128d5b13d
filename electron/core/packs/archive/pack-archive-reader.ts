// Reads a `.chieng` archive defensively. Entry names are only keys: they are checked,
// looked up, and never turned into paths. Every stream is cut at the size the caller
// expects (the signed size), so an entry cannot inflate past what was signed.
import { close, fstat, open as openFile, read } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { PackRefusal } from '../pack-refusal';

export interface PackArchive {
  /** Every entry name, already checked: no paths, no links, no duplicates. */
  readonly names: ReadonlySet<string>;
  /** The declared uncompressed size of an entry. */
  sizeOf(name: string): number;
  /** A small entry in full, refused if it is larger than `maxBytes`. */
  readSmall(name: string, maxBytes: number): Promise<Buffer>;
  /** A stream of an entry that fails if it yields more or fewer than `expectedSize` bytes. */
  openExact(name: string, expectedSize: number, onTooLarge: () => PackRefusal): Promise<Readable>;
  /**
   * A whole entry of exactly `expectedSize` bytes, for files small enough to hold in memory,
   * lent to `use`: the bytes may be reused once its promise settles, so `use` keeps none.
   */
  withExact<T>(name: string, expectedSize: number, onTooLarge: () => PackRefusal, use: (bytes: Buffer) => Promise<T>): Promise<T>;
  close(): void;
}

const symlinkMode = 0o120000;
const storedMethod = 0;
const fileTypeMask = 0o170000;

export async function openPackArchive(file: string, label: string): Promise<PackArchive> {
  const { zip, reader } = await openZip(file, label);
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of readEntries(zip, label)) {
      const name = entry.fileName;
      if (name.endsWith('/')) throw new PackRefusal('unexpectedEntry', { pack: label, entry: name });
      if (((entry.externalFileAttributes >>> 16) & fileTypeMask) === symlinkMode)
        throw new PackRefusal('symlinkEntry', { pack: label, entry: name });
      if (entries.has(name)) throw new PackRefusal('duplicateEntry', { pack: label, entry: name });
      if (entry.isEncrypted() || !entry.canDecodeFileData()) throw new PackRefusal('unexpectedEntry', { pack: label, entry: name });
      entries.set(name, entry);
    }
  } catch (error) {
    zip.close();
    throw error;
  }

  const entryNamed = (name: string): Entry => {
    const entry = entries.get(name);
    if (!entry) throw new PackRefusal('missingEntry', { pack: label, entry: name });
    return entry;
  };
  const open = (entry: Entry) =>
    new Promise<Readable>((resolve, reject) => {
      zip.openReadStream(entry, (error, stream) => (error ? reject(unreadable(label, error)) : resolve(stream)));
    });

  const openExact = async (name: string, expectedSize: number, onTooLarge: () => PackRefusal): Promise<Readable> => {
    const entry = entryNamed(name);
    if (entry.uncompressedSize !== expectedSize) throw onTooLarge();
    const raw = await open(entry);
    const cut = exactly(expectedSize, onTooLarge);
    // yauzl notices when an entry inflates past the size its header claims.
    raw.on('error', (error) =>
      cut.destroy(/too many bytes|expected \d+ bytes/.test(error.message) ? onTooLarge() : unreadable(label, error)),
    );
    return raw.pipe(cut);
  };

  return {
    names: new Set(entries.keys()),
    sizeOf: (name) => entryNamed(name).uncompressedSize,
    async readSmall(name, maxBytes) {
      const entry = entryNamed(name);
      if (entry.uncompressedSize > maxBytes) throw new PackRefusal('documentTooLarge', { pack: label, entry: name });
      return collect(
        (await open(entry)).pipe(exactly(entry.uncompressedSize, () => new PackRefusal('documentTooLarge', { pack: label, entry: name }))),
        label,
      );
    },
    openExact,
    async withExact(name, expectedSize, onTooLarge, use) {
      const entry = entryNamed(name);
      if (entry.uncompressedSize !== expectedSize) throw onTooLarge();
      if (entry.compressionMethod !== storedMethod || entry.compressedSize !== expectedSize)
        return use(await collect(await openExact(name, expectedSize, onTooLarge), label));
      // Stored as is (media, most of a pack): one read at the data's place in the archive,
      // instead of a chain of streams per file. yauzl still checks the entry's local header.
      let fileDataStart: number;
      try {
        ({ fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true }));
      } catch (error) {
        throw unreadable(label, error);
      }
      let reading = true;
      try {
        return await reader.lend(fileDataStart, expectedSize, (bytes) => {
          reading = false;
          return use(bytes);
        });
      } catch (error) {
        throw reading ? unreadable(label, error) : error;
      }
    },
    close: () => zip.close(),
  };
}

function openZip(file: string, label: string): Promise<{ zip: ZipFile; reader: FileReader }> {
  const options = { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true, strictFileNames: true };
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(nameError(error, label) ?? unreadable(label, error));
    openFile(file, 'r', (openError, fd) => {
      if (openError)
        return reject(openError.code === 'ENOENT' ? new PackRefusal('fileNotFound', { pack: label }) : unreadable(label, openError));
      fstat(fd, (statError, stats) => {
        if (statError) return close(fd, () => fail(statError));
        const reader = new FileReader(fd);
        yauzl.fromRandomAccessReader(reader, stats.size, options, (error, zip) => {
          // On success the file is closed with the zip (once its last stream ends); on failure, here.
          if (error) close(fd, () => fail(error));
          else resolve({ zip, reader });
        });
      });
    });
  });
}

/** How much the reader reads at a time (yauzl's own reader reads 16 KiB at a time). */
const chunkBytes = 1024 * 1024;
/** Chunk buffers kept for reuse once nothing reads from them. */
const spareChunks = 4;

/** One read-ahead: its bytes, how many borrowers still read them, and whether a slice escaped for good. */
interface Chunk {
  readonly position: number;
  readonly buffer: Buffer;
  readonly bytes: Buffer;
  lent: number;
  escaped: boolean;
}

/**
 * What yauzl reads the archive through, as `yauzl.open` would, but in fewer, larger reads:
 * each read is a round trip to the thread pool, and a pack holds thousands of entries and
 * hundreds of MB. A small read (the central directory, an entry's local header) fetches a
 * whole chunk ahead, which then also serves the entries that follow, as yauzl reads them in
 * archive order. Every check yauzl makes on the bytes stays the same. Chunk buffers are
 * reused once no borrower reads them: fresh memory for every megabyte of a 200 MB pack costs
 * the system more than reading it.
 */
class FileReader extends yauzl.RandomAccessReader {
  private window: Chunk | undefined;
  private readonly spare: Buffer[] = [];

  constructor(private readonly fd: number) {
    super();
  }

  /** Bytes from `position` up to `end` that the last read-ahead holds, if any, kept valid for good. */
  cached(position: number, end: number): Buffer | undefined {
    const slice = this.slice(position, end);
    if (slice && this.window) this.window.escaped = true;
    return slice;
  }

  private slice(position: number, end: number): Buffer | undefined {
    const { window } = this;
    if (!window) return undefined;
    const start = position - window.position;
    if (start < 0 || start >= window.bytes.length) return undefined;
    return window.bytes.subarray(start, Math.min(window.bytes.length, end - window.position));
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new RangeStream(this, this.fd, start, end);
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (error: Error | null, bytesRead?: number) => void,
  ): void {
    const cached = this.slice(position, position + length);
    if (cached?.length === length) {
      cached.copy(buffer, offset);
      process.nextTick(callback, null, length);
      return;
    }
    if (length >= chunkBytes) {
      read(this.fd, buffer, offset, length, position, (error, bytesRead) => callback(error, bytesRead));
      return;
    }
    const chunk = this.spare.pop() ?? sharedBuffer(chunkBytes);
    read(this.fd, chunk, 0, chunkBytes, position, (error, bytesRead) => {
      if (error) return callback(error);
      this.replaceWindow({ position, buffer: chunk, bytes: chunk.subarray(0, bytesRead), lent: 0, escaped: false });
      const copied = Math.min(length, bytesRead);
      chunk.copy(buffer, offset, 0, copied);
      callback(null, copied);
    });
  }

  /**
   * Lends `use` exactly `length` bytes from `position`, which the caller has checked lie within
   * the file: a slice of the read-ahead where it holds them (no copy), else one read, which
   * becomes the read-ahead for the entries that follow. The bytes may be reused once `use` settles.
   */
  async lend<T>(position: number, length: number, use: (bytes: Buffer) => Promise<T>): Promise<T> {
    let chunk = this.window;
    let bytes = this.slice(position, position + length);
    if (!chunk || bytes?.length !== length) {
      chunk = await this.readChunk(position, length);
      bytes = chunk.bytes.subarray(0, length);
    }
    chunk.lent += 1;
    try {
      return await use(bytes);
    } finally {
      chunk.lent -= 1;
      if (chunk !== this.window) this.recycle(chunk);
    }
  }

  private readChunk(position: number, length: number): Promise<Chunk> {
    const buffer = length <= chunkBytes ? (this.spare.pop() ?? sharedBuffer(chunkBytes)) : sharedBuffer(length);
    return new Promise((resolve, reject) => {
      read(this.fd, buffer, 0, buffer.length, position, (error, bytesRead) => {
        if (error) return reject(error);
        if (bytesRead < length) return reject(new Error(`read ${bytesRead} of ${length} bytes at ${position}`));
        const chunk: Chunk = { position, buffer, bytes: buffer.subarray(0, bytesRead), lent: 0, escaped: false };
        this.replaceWindow(chunk);
        resolve(chunk);
      });
    });
  }

  private replaceWindow(next: Chunk): void {
    const previous = this.window;
    this.window = next;
    if (previous) this.recycle(previous);
  }

  private recycle(chunk: Chunk): void {
    if (chunk.lent > 0 || chunk.escaped || chunk.buffer.length !== chunkBytes || this.spare.length >= spareChunks) return;
    if (this.spare.includes(chunk.buffer)) return;
    this.spare.push(chunk.buffer);
  }

  override close(callback: (error: Error | null) => void): void {
    close(this.fd, callback);
  }
}

/** Read-ahead lives in shared memory, so the store's writer thread writes lent bytes without a copy. */
function sharedBuffer(length: number): Buffer {
  return Buffer.from(new SharedArrayBuffer(length));
}

/**
 * Bytes `start` to `end` (exclusive) of the archive: what the last read-ahead holds, then
 * positional reads, so entries can be read side by side. Unlike an fs stream, destroying it
 * never closes the shared file. yauzl counts the bytes of every range, so a file that ends
 * early is an error there.
 */
class RangeStream extends Readable {
  private position: number;

  constructor(
    private readonly reader: FileReader,
    private readonly fd: number,
    start: number,
    private readonly end: number,
  ) {
    super();
    this.position = start;
  }

  override _read(): void {
    const length = Math.min(chunkBytes, this.end - this.position);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const cached = this.reader.cached(this.position, this.end);
    if (cached) {
      this.position += cached.length;
      this.push(cached);
      return;
    }
    const buffer = Buffer.allocUnsafe(length);
    read(this.fd, buffer, 0, length, this.position, (error, bytesRead) => {
      if (error) {
        this.destroy(error);
        return;
      }
      this.position += bytesRead;
      this.push(bytesRead === 0 ? null : buffer.subarray(0, bytesRead));
    });
  }
}

async function collect(stream: Readable, label: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    throw unreadable(label, error);
  }
  return Buffer.concat(chunks);
}

async function* readEntries(zip: ZipFile, label: string): AsyncGenerator<Entry> {
  const queue: Entry[] = [];
  let done = false;
  let failure: PackRefusal | undefined;
  let wake: (() => void) | undefined;
  zip.on('entry', (entry: Entry) => {
    queue.push(entry);
    wake?.();
  });
  zip.on('end', () => {
    done = true;
    wake?.();
  });
  zip.on('error', (error: Error) => {
    failure = nameError(error, label) ?? unreadable(label, error);
    wake?.();
  });
  zip.readEntry();
  for (;;) {
    if (failure) throw failure;
    const entry = queue.shift();
    if (entry) {
      yield entry;
      zip.readEntry();
      continue;
    }
    if (done) return;
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
}

/** yauzl's own name checks (absolute paths, `..`, backslashes) as the refusal they mean. */
function nameError(error: Error, label: string): PackRefusal | undefined {
  const match = /^(?:invalid characters in fileName|absolute path|invalid relative path): (.*)$/.exec(error.message);
  return match ? new PackRefusal('unsafeEntry', { pack: label, entry: match[1] ?? '' }) : undefined;
}

function unreadable(label: string, error: unknown): PackRefusal {
  if (error instanceof PackRefusal) return error;
  return new PackRefusal('archiveUnreadable', { pack: label, detail: error instanceof Error ? error.message : String(error) });
}

/** Passes exactly `size` bytes through; more, or fewer by the end, is an error. */
function exactly(size: number, tooLarge: () => PackRefusal): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > size) callback(tooLarge());
      else callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      callback(seen === size ? null : tooLarge());
    },
  });
}
