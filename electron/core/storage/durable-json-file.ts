import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { moveAside } from './move-aside';
import { writeFileDurably, type DurableWriteOptions } from './write-file-durably';

export interface DurableJsonFileOptions<T> extends DurableWriteOptions {
  /** Checks the parsed data; throw to treat the file as damaged. */
  readonly parse: (data: unknown) => T;
  /** Told when a damaged file was moved aside, so the user can be told too. */
  readonly onDamaged: (file: string, movedTo: string) => void;
  /** Spaces per level: 1 keeps small files readable by a person; 0 keeps large ones fast. */
  readonly indent?: number;
}

/**
 * A lowdb adapter that never leaves a half-written file and never loses a damaged one.
 * Writes are queued, so two saves in flight land in order.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: string;
  readonly #options: DurableJsonFileOptions<T>;
  #queue: Promise<void> = Promise.resolve();

  constructor(file: string, options: DurableJsonFileOptions<T>) {
    this.#file = file;
    this.#options = options;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return this.#options.parse(JSON.parse(text));
    } catch {
      const movedTo = await moveAside(this.#file);
      this.#options.onDamaged(this.#file, movedTo);
      return null;
    }
  }

  write(data: T): Promise<void> {
    const json = `${JSON.stringify(data, null, this.#options.indent ?? 1)}\n`;
    const next = this.#queue.then(() => writeFileDurably(this.#file, json, this.#options));
    // Keep the queue going after a failed write; the caller still sees the failure.
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
