// The field logbooks: what was done, where, by whom, with which materials. Each kind's data
// has one schema (record-data.ts); a draft may leave fields empty, a final record may not.
import { z } from 'zod';
import { logbookKinds, recordStatuses, rumourStatuses, type LogbookKind } from '../../../shared/logbook-choices';
import { draftDataSchemas, localDateTime, monthKey, recordDataIssues } from './record-data';
import type { ContractSlice } from './define';
import { withEveryFaultOfData } from './every-fault';

export type { LogbookKind } from '../../../shared/logbook-choices';
export {
  localDateTime,
  monthKey,
  materialUseSchema,
  recordDataSchemas,
  type DraftData,
  type MaterialUse,
  type RecordData,
} from './record-data';

export type { RecordStatus } from '../../../shared/logbook-choices';

const id = z.string().min(1).max(64);

const personRef = z.object({ profileId: z.string(), name: z.string() });

/** One earlier state of a record, kept whenever a saved record changes. */
export const revisionSchema = z.object({
  revision: z.number().int(),
  status: z.enum(recordStatuses),
  savedAt: z.string(),
  savedBy: personRef,
  data: z.record(z.string(), z.unknown()),
});

export const logRecordSchema = z.object({
  /** Time-ordered (ULID): sorts by creation, unique across devices. */
  id: z.string(),
  kind: z.enum(logbookKinds),
  schemaVersion: z.number().int().min(1),
  status: z.enum(recordStatuses),
  /** Counts every save; with `id` and `device` it makes an upload idempotent. */
  revision: z.number().int().min(1),
  occurredAt: localDateTime,
  createdAt: z.string(),
  updatedAt: z.string(),
  author: personRef,
  device: z.string(),
  savedBy: personRef,
  finalisedAt: z.string().optional(),
  withdrawal: z.object({ at: z.string(), by: personRef, reason: z.string() }).optional(),
  data: z.record(z.string(), z.unknown()),
  revisions: z.array(revisionSchema),
});
export type LogRecord = z.infer<typeof logRecordSchema>;
export type Revision = z.infer<typeof revisionSchema>;

const listFilters = z.strictObject({
  kind: z.enum(logbookKinds),
  /** Months to look in, inclusive; without them (and without days), the current month. */
  fromMonth: monthKey.optional(),
  toMonth: monthKey.optional(),
  /** Days to keep, inclusive, by the day the record happened; the months to look in default to theirs. */
  fromDate: z.iso.date().optional(),
  toDate: z.iso.date().optional(),
  status: z.enum([...recordStatuses, 'active']).optional(),
  villageId: id.optional(),
  authorId: id.optional(),
  rumourStatus: z.enum(rumourStatuses).optional(),
  text: z.string().max(200).optional(),
});
export type LogListFilters = z.infer<typeof listFilters>;

/** A span that ends before it starts is a slip to point out, not a reason to show nothing. */
function spanInOrder(filters: LogListFilters, context: z.RefinementCtx): void {
  if (filters.fromMonth && filters.toMonth && filters.toMonth < filters.fromMonth)
    context.addIssue({ code: 'custom', path: ['toMonth'], message: 'spanReversed' });
  if (filters.fromDate && filters.toDate && filters.toDate < filters.fromDate)
    context.addIssue({ code: 'custom', path: ['toDate'], message: 'spanReversed' });
}

/** An entry of an import that cannot be added: its place in the file (from 0), its field, why. */
export const entryProblemSchema = z.object({
  index: z.number().optional(),
  field: z.string().optional(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type EntryProblem = z.infer<typeof entryProblemSchema>;

/** One kind's save, with its own data's schema, so that what a form sends is typed end to end. */
const saveOf = <K extends LogbookKind, D extends z.ZodType>(kind: K, data: D) =>
  z.strictObject({ kind: z.literal(kind), id: id.optional(), month: monthKey.optional(), finalise: z.boolean(), data });

const isLogbookKind = (kind: unknown): kind is LogbookKind => logbookKinds.includes(kind as LogbookKind);

const recordRef = z.strictObject({ kind: z.enum(logbookKinds), id, month: monthKey.optional() });

export const logbooksContract = {
  /** A logbook's records in a span of months, newest first, narrowed by the filters. */
  'logbook.list': {
    access: 'unlocked',
    input: listFilters.superRefine(spanInOrder),
    result: z.object({ records: z.array(logRecordSchema), total: z.number(), months: z.array(z.string()) }),
  },
  'logbook.get': { access: 'unlocked', input: recordRef, result: logRecordSchema },
  /**
   * Creates a record (no id) or saves a new state of one. `finalise` asks for every
   * required field; a final record stays final and keeps its earlier states.
   */
  'logbook.save': {
    access: 'author',
    input: withEveryFaultOfData(
      z.discriminatedUnion('kind', [
        saveOf('loudspeaker', draftDataSchemas.loudspeaker),
        saveOf('figureOutreach', draftDataSchemas.figureOutreach),
        saveOf('worshipOutreach', draftDataSchemas.worshipOutreach),
        saveOf('rumour', draftDataSchemas.rumour),
        saveOf('leafletHandout', draftDataSchemas.leafletHandout),
      ]),
      // A final record edited without `finalise` is still held to the final rules, by the core, which knows it is final.
      ({ kind, data, finalise }) => (isLogbookKind(kind) ? recordDataIssues(kind, data, finalise === true) : []),
    ),
    result: logRecordSchema,
  },
  /** Takes a record out of use, with the reason; it stays, marked withdrawn. */
  'logbook.withdraw': {
    access: 'author',
    input: z.strictObject({ kind: z.enum(logbookKinds), id, month: monthKey.optional(), reason: z.string().trim().min(3).max(1000) }),
    result: logRecordSchema,
  },
  /** The records of a span as a CSV (UTF-8 with BOM, for Excel) or JSON file to save. */
  'logbook.export': {
    access: 'unlocked',
    input: listFilters.extend({ format: z.enum(['csv', 'json']) }).superRefine(spanInOrder),
    result: z.object({ downloadId: z.string(), fileName: z.string(), size: z.number(), count: z.number() }),
  },
  /**
   * Adds new records from a JSON file holding one record's data or an array of them (older
   * spreadsheets brought over): each checked as a save checks it; if any is wrong, none is
   * added and every wrong entry is named with its field.
   */
  'logbook.import': {
    access: 'author',
    input: z.strictObject({ kind: z.enum(logbookKinds), uploadId: z.string().max(64), finalise: z.boolean() }),
    result: z.object({ imported: z.number(), ids: z.array(z.string()), invalidEntries: z.number(), problems: z.array(entryProblemSchema) }),
  },
} satisfies ContractSlice;
