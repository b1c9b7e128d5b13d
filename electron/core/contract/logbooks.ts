// The field logbooks: what was done, where, by whom, with which materials. Each kind's data
// has one schema; a draft may leave fields empty, a final record may not.
import { z } from 'zod';
import {
  broadcastSources,
  bulletinPriorities,
  logbookKinds,
  recordStatuses,
  rumourStatuses,
  spreadChannels,
  type LogbookKind,
} from '../../../shared/logbook-choices';
import type { ContractSlice } from './define';

export type { LogbookKind } from '../../../shared/logbook-choices';

/** The field worker's wall-clock time (Vietnam has one time zone): `2026-11-24T18:30`. */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}:00Z`)) && new Date(`${value}:00Z`).toISOString().startsWith(value), {
    message: 'badDate',
  });
/** `2026-11`: one month's file of one logbook. */
export const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const id = z.string().min(1).max(64);
const shortText = z.string().trim().min(1).max(200);
const longText = z.string().trim().min(1).max(5000);
const optionalLongText = z.string().trim().max(5000).optional();
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
const textList = z.array(z.string().trim().min(1).max(1000)).max(100);
const count = z.number().int().min(0).max(1_000_000);

/** A material used: one from an installed pack (its title kept, so the record reads the same after the pack is gone), or free text. */
export const materialUseSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('pack'), materialId: z.string().min(3).max(200), title: shortText, language: language.optional() }),
  z.strictObject({ source: z.literal('free'), text: z.string().trim().min(1).max(2000) }),
]);
export type MaterialUse = z.infer<typeof materialUseSchema>;

/** Where: a village from the registry, or a place described in words, or both. */
const where = { villageId: id.optional(), place: z.string().trim().max(200).optional() };

const loudspeaker = z.strictObject({
  occurredAt: localDateTime,
  endedAt: localDateTime,
  ...where,
  cluster: z.string().trim().max(200).optional(),
  operator: shortText,
  materials: z.array(materialUseSchema).min(1).max(50),
  source: z.enum(broadcastSources),
  bulletinPriority: z.enum(bulletinPriorities).optional(),
  languages: z.array(language).min(1).max(10),
  repeats: z.number().int().min(1).max(50),
  estimatedReach: count.optional(),
  approvedBy: z.string().trim().max(200).optional(),
  incidents: optionalLongText,
  notes: optionalLongText,
});

const audience = z.strictObject({
  total: count,
  male: count.optional(),
  female: count.optional(),
  byEthnicity: z
    .array(z.strictObject({ ethnicity: shortText, count }))
    .max(30)
    .optional(),
});

const figureOutreach = z.strictObject({
  occurredAt: localDateTime,
  figureId: id,
  ...where,
  audience,
  languages: z.array(language).min(1).max(10),
  materials: z.array(materialUseSchema).max(50),
  topics: textList,
  questions: textList,
  followUps: textList,
  notes: optionalLongText,
});

const worshipOutreach = z.strictObject({
  occurredAt: localDateTime,
  placeId: id,
  staff: shortText,
  dignitariesMet: z.array(shortText).max(50),
  conveyed: longText,
  observed: optionalLongText,
  attendance: count.optional(),
  materials: z.array(materialUseSchema).max(50),
  followUps: textList,
});

const rumour = z.strictObject({
  occurredAt: localDateTime,
  content: longText,
  ...where,
  channels: z.array(z.enum(spreadChannels)).min(1).max(spreadChannels.length),
  channelOther: z.string().trim().max(200).optional(),
  answeredBy: z.array(materialUseSchema).max(20),
  status: z.enum(rumourStatuses),
  notes: optionalLongText,
});

const leafletHandout = z.strictObject({
  occurredAt: localDateTime,
  leaflet: materialUseSchema,
  language,
  copies: z.number().int().min(1).max(1_000_000),
  ...where,
  handedOutBy: shortText,
  notes: optionalLongText,
});

/** Each kind's data as a final record needs it. */
export const recordDataSchemas = { loudspeaker, figureOutreach, worshipOutreach, rumour, leafletHandout } as const;

type DataOf = { [K in LogbookKind]: z.infer<(typeof recordDataSchemas)[K]> };
export type RecordData<K extends LogbookKind = LogbookKind> = DataOf[K];

/**
 * Rules across fields. Those that compare fields apply to drafts too; those that ask for
 * something only to final records. Each issue names its field and a key under errors:field.
 */
export function crossFieldIssues(
  kind: LogbookKind,
  data: Partial<Record<string, unknown>>,
  final: boolean,
): { path: string[]; key: string }[] {
  const issues: { path: string[]; key: string }[] = [];
  const hasPlace = !final || typeof data['villageId'] === 'string' || (typeof data['place'] === 'string' && data['place'] !== '');
  if (kind === 'loudspeaker') {
    if (typeof data['occurredAt'] === 'string' && typeof data['endedAt'] === 'string' && data['endedAt'] < data['occurredAt']) {
      issues.push({ path: ['endedAt'], key: 'endBeforeStart' });
    }
    if (final && data['source'] === 'bulletin' && data['bulletinPriority'] === undefined)
      issues.push({ path: ['bulletinPriority'], key: 'priorityNeeded' });
    if (!hasPlace && !(typeof data['cluster'] === 'string' && data['cluster'] !== ''))
      issues.push({ path: ['villageId'], key: 'whereNeeded' });
  }
  if ((kind === 'figureOutreach' || kind === 'rumour' || kind === 'leafletHandout') && !hasPlace)
    issues.push({ path: ['villageId'], key: 'whereNeeded' });
  if (kind === 'figureOutreach') {
    const audienceData = data['audience'] as z.infer<typeof audience> | undefined;
    if (audienceData && (audienceData.male ?? 0) + (audienceData.female ?? 0) > audienceData.total) {
      issues.push({ path: ['audience', 'total'], key: 'audienceSexOverTotal' });
    }
    const byEthnicity = audienceData?.byEthnicity?.reduce((sum, each) => sum + each.count, 0) ?? 0;
    if (audienceData && byEthnicity > audienceData.total)
      issues.push({ path: ['audience', 'byEthnicity'], key: 'audienceEthnicityOverTotal' });
  }
  if (final && kind === 'rumour' && Array.isArray(data['channels']) && data['channels'].includes('other') && !data['channelOther']) {
    issues.push({ path: ['channelOther'], key: 'channelOtherNeeded' });
  }
  return issues;
}

export type { RecordStatus } from '../../../shared/logbook-choices';

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
    input: z.strictObject({
      kind: z.enum(logbookKinds),
      id: id.optional(),
      month: monthKey.optional(),
      finalise: z.boolean(),
      data: z.record(z.string(), z.unknown()),
    }),
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
