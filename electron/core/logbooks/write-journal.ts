import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { logRecordSchema, type LogRecord } from '../contract/logbooks';
import { logbookKinds, type LogbookKind } from '../../../shared/logbook-choices';
import { removeFileDurably, writeFileDurably } from '../storage/write-file-durably';
import type { MonthFiles } from './month-files';

/** What one month file of a logbook gains (or has replaced, by id) and loses. */
export interface MonthChange {
  readonly month: string;
  readonly put: readonly LogRecord[];
  readonly remove: readonly string[];
}

const journalSchema = z.object({
  kind: z.enum(logbookKinds),
  changes: z.array(z.object({ month: z.string(), put: z.array(logRecordSchema.loose()), remove: z.array(z.string()) })),
});

/**
 * A change that spans several month files (a record whose date moves to another month, an
 * import of many records) is written down first, so that if the laptop dies half way the
 * next start finishes it: never two copies of a record, never none, never half an import.
 * Applying is idempotent, so finishing twice does no harm.
 */
export class WriteJournal {
  readonly #file: string;
  readonly #files: MonthFiles;
  /** A change was begun and may not have landed in every month file (a write failed half way). */
  #unfinished = false;

  constructor(root: string, files: MonthFiles) {
    this.#file = path.join(root, 'journal.json');
    this.#files = files;
  }

  async run(kind: LogbookKind, changes: readonly MonthChange[]): Promise<void> {
    this.#unfinished = true;
    await writeFileDurably(this.#file, JSON.stringify({ kind, changes }));
    await this.#apply(kind, changes);
  }

  /**
   * Finishes a change that a failed write (a full disk, a file antivirus holds) left half
   * done, before anything else is written: a save made over the half-done state would be
   * undone when the journal is finished at the next start.
   */
  async finishUnfinished(): Promise<void> {
    if (this.#unfinished) await this.recover();
  }

  /** Finishes a change that a crash interrupted; run at start. */
  async recover(): Promise<boolean> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch {
      this.#unfinished = false;
      return false;
    }
    const parsed = journalSchema.safeParse(safeJson(text));
    // A journal cut short was never acted on: the change had not begun.
    if (!parsed.success) {
      await unlink(this.#file);
      this.#unfinished = false;
      return false;
    }
    await this.#apply(parsed.data.kind, parsed.data.changes);
    return true;
  }

  async #apply(kind: LogbookKind, changes: readonly MonthChange[]): Promise<void> {
    for (const { month, put, remove } of changes) {
      const leaving = new Set([...put.map((record) => record.id), ...remove]);
      const records = await this.#files.records(kind, month);
      const kept = records.filter((record) => !leaving.has(record.id));
      if (put.length > 0 || kept.length !== records.length) await this.#files.write(kind, month, [...kept, ...put]);
    }
    await removeFileDurably(this.#file);
    this.#unfinished = false;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
