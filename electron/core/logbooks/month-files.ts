import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { logRecordSchema, type LogbookKind, type LogRecord } from '../contract/logbooks';
import { DurableJsonFile } from '../storage/durable-json-file';

const monthFileSchema = z.object({ records: z.array(logRecordSchema.loose()) });
export type MonthFile = z.infer<typeof monthFileSchema>;

/** Months kept in memory at once, per data folder: about three years of one logbook. */
const cachedMonths = 40;

/**
 * One lowdb file per logbook and month (`logbooks/rumour/2026-11.json`), so a save writes
 * one month of one logbook, whatever the years before hold. Files are read when first
 * needed, not at start.
 */
export class MonthFiles {
  readonly #root: string;
  readonly #onDamaged: (file: string, movedTo: string) => void;
  readonly #open = new Map<string, Low<MonthFile>>();
  readonly #months = new Map<LogbookKind, Set<string>>();

  constructor(root: string, onDamaged: (file: string, movedTo: string) => void) {
    this.#root = root;
    this.#onDamaged = onDamaged;
  }

  folder(kind: LogbookKind): string {
    return path.join(this.#root, kind);
  }

  /** The months that have a file, oldest first. */
  async months(kind: LogbookKind): Promise<string[]> {
    let known = this.#months.get(kind);
    if (!known) {
      const names = await readdir(this.folder(kind)).catch(() => [] as string[]);
      known = new Set(names.flatMap((name) => (/^\d{4}-\d{2}\.json$/.test(name) ? [name.slice(0, 7)] : [])));
      this.#months.set(kind, known);
    }
    return [...known].sort();
  }

  /** The records of one month; a file that does not parse is moved aside and reads as empty. */
  async records(kind: LogbookKind, month: string): Promise<LogRecord[]> {
    return (await this.#db(kind, month)).data.records;
  }

  /** Replaces one month's records, durably; on failure the month keeps what it had. */
  async write(kind: LogbookKind, month: string, records: LogRecord[]): Promise<void> {
    const db = await this.#db(kind, month);
    const previous = db.data;
    db.data = { records };
    try {
      await mkdir(this.folder(kind), { recursive: true });
      await db.write();
    } catch (error) {
      db.data = previous;
      throw error;
    }
    await this.months(kind);
    this.#months.get(kind)?.add(month);
  }

  async #db(kind: LogbookKind, month: string): Promise<Low<MonthFile>> {
    const key = `${kind}/${month}`;
    const cached = this.#open.get(key);
    if (cached) {
      // Most recently used last, so the oldest is the one let go.
      this.#open.delete(key);
      this.#open.set(key, cached);
      return cached;
    }
    const file = path.join(this.folder(kind), `${month}.json`);
    const db = new Low<MonthFile>(new DurableJsonFile(file, { parse: (data) => monthFileSchema.parse(data), onDamaged: this.#onDamaged, indent: 0 }), { records: [] });
    await db.read();
    this.#open.set(key, db);
    if (this.#open.size > cachedMonths) this.#open.delete(this.#open.keys().next().value as string);
    return db;
  }
}
