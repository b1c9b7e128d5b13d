import path from 'node:path';
import { Failure } from '../failure';
import type { EntryProblem, LogbookKind, LogListFilters, LogRecord, RecordData } from '../contract/logbooks';
import { fold } from '../../../shared/search-folding';
import type { Author } from '../profiles/profile-session';
import { MonthFiles } from './month-files';
import { checkEntries } from './logbook-import';
import { newRecordId } from './record-id';
import { validRecordData } from './record-validation';
import { currentSchemaVersion, migrateLogbooks, type MigrationOutcome } from './schema-migrations';
import { removeStrayTempFiles } from './stray-temp-files';
import { WriteJournal } from './write-journal';

export interface SaveRequest {
  readonly kind: LogbookKind;
  readonly id?: string | undefined;
  readonly month?: string | undefined;
  readonly finalise: boolean;
  readonly data: Record<string, unknown>;
}

export interface ListOutcome {
  readonly records: LogRecord[];
  readonly total: number;
  readonly months: string[];
}

export interface AddAllOutcome {
  /** Every record added, in the order of the entries; none when any entry was wrong. */
  readonly records: LogRecord[];
  readonly problems: EntryProblem[];
  readonly invalidEntries: number;
}

const monthOf = (occurredAt: string) => occurredAt.slice(0, 7);

/**
 * The logbooks: records saved as drafts, finalised, edited with every earlier state kept,
 * withdrawn with a reason, never deleted. Saves are applied one at a time, and a save has
 * returned only once it is durably on disk (a line in its month's change log, or the month
 * rewritten).
 */
export class LogbookService {
  readonly #files: MonthFiles;
  readonly #journal: WriteJournal;
  readonly #device: string;
  readonly #clock: () => Date;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(files: MonthFiles, journal: WriteJournal, device: string, clock: () => Date) {
    this.#files = files;
    this.#journal = journal;
    this.#device = device;
    this.#clock = clock;
  }

  /** Opens the logbooks of a data folder, finishing an interrupted move and migrating old records. */
  static async open(
    dataDir: string,
    options: { device: string; onDamaged: (file: string, movedTo: string) => void; clock?: () => Date },
  ): Promise<{ service: LogbookService; migration: MigrationOutcome }> {
    const root = path.join(dataDir, 'logbooks');
    const files = new MonthFiles(root, options.onDamaged);
    const journal = new WriteJournal(root, files);
    await journal.recover();
    await removeStrayTempFiles(root);
    const migration = await migrateLogbooks(root, files);
    return { service: new LogbookService(files, journal, options.device, options.clock ?? (() => new Date())), migration };
  }

  async list(filters: LogListFilters, now: Date = this.#clock()): Promise<ListOutcome> {
    const current = localMonth(now);
    const fromMonth = filters.fromMonth ?? filters.fromDate?.slice(0, 7);
    const toMonth = filters.toMonth ?? filters.toDate?.slice(0, 7);
    const from = fromMonth ?? toMonth ?? current;
    const to = toMonth ?? (fromMonth ? '9999-12' : current);
    const months = (await this.#files.months(filters.kind)).filter((month) => month >= from && month <= to);
    const text = filters.text ? fold(filters.text).trim() : '';
    const matches: LogRecord[] = [];
    for (const month of months) {
      for (const record of await this.#files.records(filters.kind, month)) {
        if (matchesFilters(record, filters, text)) matches.push(record);
      }
    }
    matches.sort((a, b) => (a.occurredAt === b.occurredAt ? b.id.localeCompare(a.id) : b.occurredAt.localeCompare(a.occurredAt)));
    return { records: matches, total: matches.length, months };
  }

  async get(kind: LogbookKind, id: string, month?: string): Promise<LogRecord> {
    const found = await this.#find(kind, id, month);
    if (!found) throw new Failure('not_found', 'logbooks:notFound', { field: 'id' });
    return found.record;
  }

  save(request: SaveRequest, author: Author): Promise<LogRecord> {
    return this.#serially(async () => {
      const now = this.#clock().toISOString();
      if (request.id === undefined) {
        const data = validRecordData(request.kind, request.data, request.finalise ? 'final' : 'draft');
        const record = this.#newRecord(request.kind, data, request.finalise, author, now);
        const month = monthOf(record.occurredAt);
        await this.#files.put(request.kind, month, record);
        return record;
      }
      const found = await this.#find(request.kind, request.id, request.month);
      if (!found) throw new Failure('not_found', 'logbooks:notFound', { field: 'id' });
      const previous = found.record;
      if (previous.status === 'withdrawn') throw new Failure('refused', 'logbooks:withdrawnIsFinal');
      // A final record stays final: an edit must be as complete as the record was.
      const final = request.finalise || previous.status === 'final';
      const data = validRecordData(request.kind, request.data, final ? 'final' : 'draft');
      const next: LogRecord = {
        ...previous,
        status: final ? 'final' : 'draft',
        revision: previous.revision + 1,
        occurredAt: data.occurredAt,
        updatedAt: now,
        savedBy: author,
        ...(final && !previous.finalisedAt ? { finalisedAt: now } : {}),
        data,
        revisions: [...previous.revisions, revisionOf(previous)],
      };
      await this.#put(found.month, next);
      return next;
    });
  }

  /**
   * Adds many new records at once (records brought over from older spreadsheets): each
   * entry is checked as a save checks it, and if any is wrong none is added. The records
   * land through the journal, so a crash half way leaves all of them or none.
   */
  addAll(kind: LogbookKind, entries: readonly unknown[], finalise: boolean, author: Author): Promise<AddAllOutcome> {
    const checked = checkEntries(kind, entries, finalise ? 'final' : 'draft');
    if (checked.invalidEntries > 0)
      return Promise.resolve({ records: [], problems: checked.problems, invalidEntries: checked.invalidEntries });
    return this.#serially(async () => {
      const now = this.#clock().toISOString();
      const records = checked.data.map((data) => this.#newRecord(kind, data, finalise, author, now));
      const byMonth = new Map<string, LogRecord[]>();
      for (const record of records) {
        const month = monthOf(record.occurredAt);
        const same = byMonth.get(month);
        if (same) same.push(record);
        else byMonth.set(month, [record]);
      }
      await this.#journal.run(
        kind,
        [...byMonth].map(([month, put]) => ({ month, put, remove: [] })),
      );
      return { records, problems: [], invalidEntries: 0 };
    });
  }

  withdraw(kind: LogbookKind, id: string, month: string | undefined, reason: string, author: Author): Promise<LogRecord> {
    return this.#serially(async () => {
      const found = await this.#find(kind, id, month);
      if (!found) throw new Failure('not_found', 'logbooks:notFound', { field: 'id' });
      const previous = found.record;
      if (previous.status === 'withdrawn') throw new Failure('refused', 'logbooks:alreadyWithdrawn');
      const now = this.#clock().toISOString();
      const next: LogRecord = {
        ...previous,
        status: 'withdrawn',
        revision: previous.revision + 1,
        updatedAt: now,
        savedBy: author,
        withdrawal: { at: now, by: author, reason: reason.normalize('NFC') },
        revisions: [...previous.revisions, revisionOf(previous)],
      };
      await this.#put(found.month, next);
      return next;
    });
  }

  /** Every record of a logbook in any month, for a person's data export or erasure. */
  async *all(kind: LogbookKind): AsyncGenerator<{ month: string; records: LogRecord[] }> {
    for (const month of await this.#files.months(kind)) yield { month, records: await this.#files.records(kind, month) };
  }

  /** Rewrites records in place (erasing a person); runs in turn with saves. */
  rewrite(kind: LogbookKind, month: string, change: (record: LogRecord) => LogRecord | undefined): Promise<number> {
    return this.#serially(async () => {
      let changed = 0;
      const next = (await this.#files.records(kind, month)).map((record) => {
        const updated = change(record);
        if (!updated) return record;
        changed += 1;
        return updated;
      });
      if (changed > 0) await this.#files.write(kind, month, next);
      return changed;
    });
  }

  /** Resolves once every save asked for so far has landed. */
  settle(): Promise<void> {
    return this.#queue.then(() => undefined);
  }

  #newRecord(kind: LogbookKind, data: RecordData, finalise: boolean, author: Author, now: string): LogRecord {
    return {
      id: newRecordId(Date.parse(now)),
      kind,
      schemaVersion: currentSchemaVersion,
      status: finalise ? 'final' : 'draft',
      revision: 1,
      occurredAt: data.occurredAt,
      createdAt: now,
      updatedAt: now,
      author,
      device: this.#device,
      savedBy: author,
      ...(finalise ? { finalisedAt: now } : {}),
      data,
      revisions: [],
    };
  }

  async #put(month: string, record: LogRecord): Promise<void> {
    const target = monthOf(record.occurredAt);
    if (target !== month) {
      await this.#journal.run(record.kind, [
        { month: target, put: [record], remove: [] },
        { month, put: [], remove: [record.id] },
      ]);
      return;
    }
    await this.#files.put(record.kind, month, record);
  }

  async #find(kind: LogbookKind, id: string, month: string | undefined): Promise<{ month: string; record: LogRecord } | undefined> {
    if (month !== undefined) {
      const record = (await this.#files.records(kind, month)).find((each) => each.id === id);
      if (record) return { month, record };
    }
    // Without the month (or a stale one), look everywhere, newest month first.
    for (const each of (await this.#files.months(kind)).reverse()) {
      if (each === month) continue;
      const record = (await this.#files.records(kind, each)).find((candidate) => candidate.id === id);
      if (record) return { month: each, record };
    }
    return undefined;
  }

  /** Runs a write after those before it, on month files that no half-done change is left in. */
  #serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(async () => {
      await this.#journal.finishUnfinished();
      return task();
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function revisionOf(record: LogRecord) {
  return { revision: record.revision, status: record.status, savedAt: record.updatedAt, savedBy: record.savedBy, data: record.data };
}

function matchesFilters(record: LogRecord, filters: LogListFilters, text: string): boolean {
  const day = record.occurredAt.slice(0, 10);
  if ((filters.fromDate !== undefined && day < filters.fromDate) || (filters.toDate !== undefined && day > filters.toDate)) return false;
  if (filters.status === 'active' ? record.status === 'withdrawn' : filters.status !== undefined && record.status !== filters.status)
    return false;
  if (filters.villageId !== undefined && record.data['villageId'] !== filters.villageId) return false;
  if (filters.authorId !== undefined && record.author.profileId !== filters.authorId) return false;
  if (filters.rumourStatus !== undefined && record.data['status'] !== filters.rumourStatus) return false;
  if (text !== '' && !fold(textsOf(record.data).join(' ')).includes(text)) return false;
  return true;
}

/** The month on the field worker's calendar (Vietnam, UTC+7, no daylight saving). */
export function localMonth(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** Every piece of text a person wrote in a record, at any depth. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}
