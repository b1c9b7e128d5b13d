import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { logbookKinds, logRecordSchema, type LogbookKind, type LogRecord } from '../contract/logbooks';
import { writeFileDurably } from '../storage/write-file-durably';
import type { MonthFiles } from './month-files';

const journalSchema = z.object({ kind: z.enum(logbookKinds), from: z.string(), to: z.string(), record: logRecordSchema.loose() });

/**
 * A record whose date moves to another month lives in two files for a moment. The move is
 * written down first, so that if the laptop dies half way the next start finishes it:
 * never two copies, never none.
 */
export class MoveJournal {
  readonly #file: string;
  readonly #files: MonthFiles;

  constructor(root: string, files: MonthFiles) {
    this.#file = path.join(root, 'move-journal.json');
    this.#files = files;
  }

  async move(kind: LogbookKind, from: string, to: string, record: LogRecord): Promise<void> {
    await writeFileDurably(this.#file, JSON.stringify({ kind, from, to, record }));
    await this.#apply(kind, from, to, record);
  }

  /** Finishes a move that a crash interrupted; run at start. */
  async recover(): Promise<boolean> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch {
      return false;
    }
    const parsed = journalSchema.safeParse(safeJson(text));
    // A journal cut short was never acted on: the move had not begun.
    if (!parsed.success) {
      await unlink(this.#file);
      return false;
    }
    const { kind, from, to, record } = parsed.data;
    await this.#apply(kind, from, to, record as LogRecord);
    return true;
  }

  async #apply(kind: LogbookKind, from: string, to: string, record: LogRecord): Promise<void> {
    const target = (await this.#files.records(kind, to)).filter((each) => each.id !== record.id);
    await this.#files.write(kind, to, [...target, record]);
    const source = await this.#files.records(kind, from);
    if (source.some((each) => each.id === record.id)) await this.#files.write(kind, from, source.filter((each) => each.id !== record.id));
    await unlink(this.#file);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
