// Each logbook's record data: one schema per kind, what a draft may leave out, and the rules
// across fields. The contract's saves and the core's checks both judge a record by these.
import { z } from 'zod';
import { broadcastSources, bulletinPriorities, rumourStatuses, spreadChannels, type LogbookKind } from '../../../shared/logbook-choices';

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

/** Each kind's data as a draft may be: anything left out but its date, which decides where it is kept. */
export const draftDataSchemas = {
  loudspeaker: loudspeaker.partial().required({ occurredAt: true }),
  figureOutreach: figureOutreach.partial().required({ occurredAt: true }),
  worshipOutreach: worshipOutreach.partial().required({ occurredAt: true }),
  rumour: rumour.partial().required({ occurredAt: true }),
  leafletHandout: leafletHandout.partial().required({ occurredAt: true }),
} as const;
type DraftDataOf = { [K in LogbookKind]: z.input<(typeof draftDataSchemas)[K]> };
/** What a form sends for a record of kind K: its data, as far as it is filled in. */
export type DraftData<K extends LogbookKind = LogbookKind> = DraftDataOf[K];

/**
 * Rules across fields. Those that compare fields apply to drafts too; those that ask for
 * something only to final records. Each issue names its field and a key under errors:field.
 */
function crossFieldIssues(kind: LogbookKind, data: Partial<Record<string, unknown>>, final: boolean): { path: string[]; key: string }[] {
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

/**
 * Every fault of a record's data, one per field: each field against its kind's schema (a
 * final record needing all it needs), then the rules across fields where that field is not
 * already at fault.
 */
export function recordDataIssues(kind: LogbookKind, data: unknown, final: boolean): z.core.$ZodIssue[] {
  const schema = final ? recordDataSchemas[kind] : draftDataSchemas[kind];
  const parsed = schema.safeParse(data, { reportInput: true });
  const issues: z.core.$ZodIssue[] = parsed.success ? [] : [...parsed.error.issues];
  const fields = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  for (const rule of crossFieldIssues(kind, fields, final)) {
    if (!issues.some((issue) => issue.path.join('.') === rule.path.join('.'))) {
      issues.push({ code: 'custom', path: rule.path, message: rule.key, input: undefined });
    }
  }
  return issues;
}
