import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { logRecordSchema, type LogRecord } from '../contract/logbooks';
import type { LogbookKind } from '../../../shared/logbook-choices';
import { appendFileDurably } from '../storage/append-file-durably';
import { makeFolderDurably, syncFolder } from '../storage/durable-folder';
import { DurableJsonFile } from '../storage/durable-json-file';
import { moveAside } from '../storage/move-aside';
import { applyChanges, changeLine, changeLogSuffix, readChangeLog } from './change-log';

/** A month's snapshot; change lines of an older generation are already in it. */
const snapshotSchema = z.object({ generation: z.number().int().nonnegative().default(0), records: z.array(logRecordSchema.loose()) });
type Snapshot = z.infer<typeof snapshotSchema>;

/** Months kept in memory at once, per data folder: about three years of one logbook. */
const cachedMonths = 40;

/**
 * Lines a change log holds before the next save folds it into the snapshot: few enough that
 * reading a month stays quick, many enough that the rewrite (a month costs tens of
 * milliseconds to write) comes once in dozens of saves.
 */
export const foldAfter = 64;

/** A month's snapshot or change log; not a temp file, nor one moved aside. */
const monthFileName = /^(\d{4}-\d{2})(?:\.json|\.changes\.jsonl)$/;

/** One month of one logbook, as on disk. */
interface Month {
  readonly key: string;
  readonly snapshot: DurableJsonFile<Snapshot>;
  readonly log: string;
  records: LogRecord[];
  generation: number;
  /** Whole lines in the change log, stale ones too. */
  logLength: number;
  /** The next save rewrites the snapshot instead of appending: there is none yet, or the log's end is cut short. */
  foldNext: boolean;
  /** This process has synced the log's folder since the log was made. */
  logNamed: boolean;
}

/**
 * One snapshot per logbook and month (`logbooks/rumour/2026-11.json`), written whole through
 * lowdb's durable adapter, and beside it a change log that a save appends one line to. A save
 * costs one small fdatasync whatever the years before hold; the log is folded into the
 * snapshot now and then. Files are read when first needed, not at start.
 */
export class MonthFiles {
  readonly #root: string;
  readonly #onDamaged: (file: string, movedTo: string) => void;
  readonly #open = new Map<string, Promise<Month>>();
  readonly #months = new Map<LogbookKind, Set<string>>();

  constructor(root: string, onDamaged: (file: string, movedTo: string) => void) {
    this.#root = root;
    this.#onDamaged = onDamaged;
  }

  folder(kind: LogbookKind): string {
    return path.join(this.#root, kind);
  }

  /** The months that have a snapshot or a change log, oldest first. */
  async months(kind: LogbookKind): Promise<string[]> {
    return [...(await this.#known(kind))].sort();
  }

  /** The records of one month; a file that does not parse is moved aside and the rest read. */
  async records(kind: LogbookKind, month: string): Promise<LogRecord[]> {
    return (await this.#month(kind, month)).records;
  }

  /**
   * Saves one record in its month, in place of the one with its id or added, durably; on
   * failure the month keeps what it had.
   */
  async put(kind: LogbookKind, month: string, record: LogRecord): Promise<void> {
    const state = await this.#month(kind, month);
    const records = applyChanges(state.records, [record]);
    if (state.foldNext || state.logLength >= foldAfter) {
      await this.#writeSnapshot(kind, month, state, records);
      // The record is saved with the snapshot; a log left behind holds only stale lines.
      await this.#removeLog(state).catch(() => undefined);
      return;
    }
    try {
      await appendFileDurably(state.log, changeLine(state.generation, record), { syncFolder: !state.logNamed });
    } catch (error) {
      // Part of the line may be on disk: a line appended after it would find it damaged.
      state.foldNext = true;
      throw error;
    }
    state.records = records;
    state.logLength += 1;
    state.logNamed = true;
    this.#remember(state);
  }

  /** Replaces one month's records, durably, its change log folded in; on failure the month keeps what it had. */
  async write(kind: LogbookKind, month: string, records: LogRecord[]): Promise<void> {
    const state = await this.#month(kind, month);
    await this.#writeSnapshot(kind, month, state, records);
    // Stale now, the log's lines are never applied again; but they may name a person being erased.
    await this.#removeLog(state);
  }

  async #writeSnapshot(kind: LogbookKind, month: string, state: Month, records: LogRecord[]): Promise<void> {
    await makeFolderDurably(this.folder(kind));
    const generation = state.generation + 1;
    await state.snapshot.write({ generation, records });
    state.records = records;
    state.generation = generation;
    state.foldNext = false;
    (await this.#known(kind)).add(month);
    this.#remember(state);
  }

  async #removeLog(state: Month): Promise<void> {
    const removed = await unlink(state.log).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    state.logLength = 0;
    state.logNamed = false;
    // Removed for good, or after a power cut a log whose lines are stale would be back.
    if (removed) await syncFolder(path.dirname(state.log));
  }

  async #known(kind: LogbookKind): Promise<Set<string>> {
    let known = this.#months.get(kind);
    if (!known) {
      const names = await readdir(this.folder(kind)).catch(() => [] as string[]);
      known = new Set(names.flatMap((name) => monthFileName.exec(name)?.[1] ?? []));
      this.#months.set(kind, known);
    }
    return known;
  }

  /** The month, read once however many ask at the same time. */
  #month(kind: LogbookKind, month: string): Promise<Month> {
    const key = `${kind}/${month}`;
    const cached = this.#open.get(key);
    if (cached) return this.#keep(key, cached);
    const loading = this.#load(key, kind, month);
    void loading.catch(() => {
      if (this.#open.get(key) === loading) this.#open.delete(key);
    });
    return this.#keep(key, loading);
  }

  /**
   * Keeps a month just written as the one in memory: had it been let go while it was being
   * written, a load since then would hold what was there before.
   */
  #remember(state: Month): void {
    void this.#keep(state.key, Promise.resolve(state));
  }

  #keep(key: string, month: Promise<Month>): Promise<Month> {
    // Most recently used last, so the oldest is the one let go.
    this.#open.delete(key);
    this.#open.set(key, month);
    while (this.#open.size > cachedMonths) this.#open.delete(this.#open.keys().next().value as string);
    return month;
  }

  async #load(key: string, kind: LogbookKind, month: string): Promise<Month> {
    const folder = this.folder(kind);
    const snapshot = new DurableJsonFile<Snapshot>(path.join(folder, `${month}.json`), {
      parse: (data) => snapshotSchema.parse(data),
      onDamaged: this.#onDamaged,
      indent: 0,
    });
    const log = path.join(folder, `${month}${changeLogSuffix}`);
    const stored = await snapshot.read();
    const changes = await readChangeLog(log);
    // Older lines were folded in before a crash kept the log from going; without a snapshot, the log is all there is.
    const current = changes.lines.filter((line) => !stored || line.generation >= stored.generation);
    const state: Month = {
      key,
      snapshot,
      log,
      records: applyChanges(
        stored?.records ?? [],
        current.map((line) => line.record),
      ),
      generation: Math.max(stored?.generation ?? 0, ...current.map((line) => line.generation)),
      logLength: changes.length,
      foldNext: !stored || changes.cutShort,
      logNamed: false,
    };
    if (changes.damaged) {
      // The lines that parse go into the snapshot first; then the log is kept aside for a person.
      await this.#writeSnapshot(kind, month, state, state.records);
      const movedTo = await moveAside(log);
      state.logLength = 0;
      this.#onDamaged(log, movedTo);
    }
    return state;
  }
}
