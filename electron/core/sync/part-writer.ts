// The bytes of one file as they arrive, gathered in shared memory and written in batches (a
// small file in one write) on the store's writer thread. Each piece is copied in as it is
// added, so the caller may reuse its buffer at once (a socket's read buffer, say).
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { borrowSlab, returnSlab, writeOnThread } from '../storage/file-writer-thread';

/** Received bytes are written in batches of this many. */
const batchBytes = 256 * 1024;

export class PartWriter {
  readonly #part: string;
  #flag: 'w' | 'a';
  #written = false;
  #slab: SharedArrayBuffer | undefined;
  #used = 0;
  #last: Promise<void> = Promise.resolve();

  /** `startOver` empties the part at the first write; else what arrives is appended to it. */
  constructor(part: string, startOver: boolean) {
    this.#part = part;
    this.#flag = startOver ? 'w' : 'a';
  }

  /** Takes a copy of `bytes`; each batch that fills up is written, and the last such write returned. */
  add(bytes: Uint8Array): Promise<void> | undefined {
    let write: Promise<void> | undefined;
    for (let at = 0; at < bytes.length;) {
      this.#slab ??= borrowSlab(batchBytes);
      const count = Math.min(bytes.length - at, batchBytes - this.#used);
      new Uint8Array(this.#slab, this.#used, count).set(bytes.subarray(at, at + count));
      this.#used += count;
      at += count;
      if (this.#used === batchBytes) write = this.#write(this.#part);
    }
    return write;
  }

  /** Writes what waits. Starting over, the part is emptied even if nothing came. */
  flush(): Promise<void> | undefined {
    if (this.#used === 0 && (this.#written || this.#flag === 'a')) return undefined;
    return this.#write(this.#part);
  }

  /**
   * The file is whole (and checked): it goes to `whole` (its folder made if missing), in one
   * write if nothing was written yet (most files), else its part moves there once the last
   * batch is written.
   */
  finish(whole: string): Promise<void> {
    if (!this.#written && this.#flag === 'w') return this.#write(whole);
    const last = this.flush() ?? this.#last;
    return last.then(() =>
      rename(this.#part, whole).catch(async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        await mkdir(path.dirname(whole), { recursive: true });
        await rename(this.#part, whole);
      }),
    );
  }

  /** Writes the batch; what it returns fails too if an earlier batch of this file failed. */
  #write(file: string): Promise<void> {
    const slab = this.#slab;
    const chunks = slab ? [new Uint8Array(slab, 0, this.#used)] : [];
    const flag = this.#flag;
    this.#slab = undefined;
    this.#used = 0;
    this.#flag = 'a';
    this.#written = true;
    const write = writeOnThread(file, flag, chunks).finally(() => slab && returnSlab(slab));
    this.#last = Promise.all([this.#last, write]).then(() => undefined);
    return this.#last;
  }
}

/** Writing a downloaded file failed: a matter for the disk (full, or refusing), not the hub. */
export class WriteFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('writing a downloaded file failed');
  }
}

/** The write, with its failure marked as the disk's. */
export function onDisk(write: Promise<void> | undefined): Promise<void> | undefined {
  return write?.catch((error: unknown) => {
    throw new WriteFailed(error);
  });
}
