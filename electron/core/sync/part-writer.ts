// The bytes of one file as they arrive, written to its part file in batches (a small file in
// one write) on the store's writer thread.
import { rename } from 'node:fs/promises';
import { writeOnThread } from '../storage/file-writer-thread';

/** Received bytes are written in batches of about this many. */
const batchBytes = 256 * 1024;

export class PartWriter {
  readonly #part: string;
  #flag: 'w' | 'a';
  #written = false;
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #last: Promise<void> = Promise.resolve();

  /** `startOver` empties the part at the first write; else what arrives is appended to it. */
  constructor(part: string, startOver: boolean) {
    this.#part = part;
    this.#flag = startOver ? 'w' : 'a';
  }

  /** Takes `bytes`; once a batch is full it is written, and that write returned. */
  add(bytes: Uint8Array): Promise<void> | undefined {
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.length;
    return this.#pendingBytes >= batchBytes ? this.flush() : undefined;
  }

  /** Writes what waits. Starting over, the part is emptied even if nothing came. */
  flush(): Promise<void> | undefined {
    if (this.#pendingBytes === 0 && (this.#written || this.#flag === 'a')) return undefined;
    return this.#write(this.#part);
  }

  /**
   * The file is whole (and checked): it goes to `whole`, in one write if nothing was written
   * yet (most files), else its part moves there once the last batch is written.
   */
  finish(whole: string): Promise<void> {
    if (!this.#written && this.#flag === 'w') return this.#write(whole);
    const last = this.flush() ?? this.#last;
    return last.then(() => rename(this.#part, whole));
  }

  #write(file: string): Promise<void> {
    const chunks = this.#pending;
    const flag = this.#flag;
    this.#pending = [];
    this.#pendingBytes = 0;
    this.#flag = 'a';
    this.#written = true;
    this.#last = writeOnThread(file, flag, chunks);
    return this.#last;
  }
}
