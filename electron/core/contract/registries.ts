// The commune's registries: its villages, its respected community figures and its places of
// worship. Figures' ethnicity, religion and phone are sensitive personal data (Decree
// 13/2023/ND-CP and the Personal Data Protection Law of 2025): kept only with the
// person's recorded consent.
import { z } from 'zod';
import {
  consentMethods,
  figureCategories,
  registryNames,
  religions,
  sexes,
  villageTypes,
  type RegistryName,
} from '../../../shared/registry-choices';
import type { ContractSlice } from './define';
import { withEveryFaultOfData } from './every-fault';

export type { RegistryName } from '../../../shared/registry-choices';

const shortText = z.string().trim().min(1).max(200);
const optionalText = z.string().trim().max(200).optional();
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
const isoDate = z.iso.date();

const village = z.strictObject({
  name: shortText,
  type: z.enum(villageTypes),
  /** District names lapsed on 1 July 2025; kept only for older lists that still carry one. */
  formerDistrict: optionalText,
  households: z.number().int().min(0).max(100_000).optional(),
  loudspeakerClusters: z.array(shortText).max(50).optional(),
  notes: z.string().trim().max(2000).optional(),
});

const consent = z.strictObject({
  given: z.boolean(),
  /** The day it was asked, and how, and who recorded it. */
  date: isoDate,
  method: z.enum(consentMethods),
  recordedBy: shortText,
  note: z.string().trim().max(1000).optional(),
});

const figure = z.strictObject({
  fullName: shortText,
  sex: z.enum(sexes),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  categories: z.array(z.enum(figureCategories)).min(1).max(figureCategories.length),
  categoryOther: optionalText,
  ethnicity: optionalText,
  religion: optionalText,
  languages: z.array(language).max(10),
  villageId: z.string().max(64).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 .-]{6,20}$/)
    .optional(),
  consent,
});

const place = z.strictObject({
  name: shortText,
  religion: z.enum(religions),
  denomination: optionalText,
  organisation: optionalText,
  villageId: z.string().max(64).optional(),
  address: optionalText,
  dignitaries: z.array(z.strictObject({ name: shortText, title: optionalText })).max(50),
  notes: z.string().trim().max(2000).optional(),
});

export const registryDataSchemas = { villages: village, figures: figure, places: place } as const;
export type RegistryData<R extends RegistryName = RegistryName> = z.infer<(typeof registryDataSchemas)[R]>;
export type VillageData = z.infer<typeof village>;
export type FigureData = z.infer<typeof figure>;
export type PlaceData = z.infer<typeof place>;

/** Rules across a figure's fields: sensitive data only with consent. */
function figureConsentIssues(data: Partial<FigureData>): { path: string[]; key: string }[] {
  if (data.consent?.given) return [];
  return (['ethnicity', 'religion', 'phone'] as const)
    .filter((field) => data[field] !== undefined && data[field] !== '')
    .map((field) => ({ path: [field], key: 'consentNeeded' }));
}

/** Every fault of an entry's data, one per field: each field against its registry's schema, then a figure's consent. */
export function registryDataIssues(registry: RegistryName, data: unknown): z.core.$ZodIssue[] {
  const parsed = registryDataSchemas[registry].safeParse(data, { reportInput: true });
  const issues: z.core.$ZodIssue[] = parsed.success ? [] : [...parsed.error.issues];
  if (registry === 'figures' && data !== null && typeof data === 'object') {
    for (const rule of figureConsentIssues(data)) {
      if (!issues.some((issue) => issue.path.join('.') === rule.path.join('.')))
        issues.push({ code: 'custom', path: rule.path, message: rule.key, input: undefined });
    }
  }
  return issues;
}

export const registryEntrySchema = z.object({
  id: z.string(),
  registry: z.enum(registryNames),
  createdAt: z.string(),
  updatedAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type RegistryEntry = z.infer<typeof registryEntrySchema>;

/** A CSV row that could not be read, by row (1 = the header) and column heading. */
export const importProblemSchema = z.object({
  row: z.number(),
  column: z.string().optional(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

const registry = z.enum(registryNames);
const entryId = z.string().min(1).max(64);
/** One registry's save: its own data's schema, so that what a form sends is typed end to end. */
const saveOf = <R extends RegistryName, D extends z.ZodType>(name: R, data: D) =>
  z.strictObject({ registry: z.literal(name), id: entryId.optional(), data });

const isRegistryName = (name: unknown): name is RegistryName => registryNames.includes(name as RegistryName);

const download = z.object({ downloadId: z.string(), fileName: z.string(), size: z.number() });

export const registriesContract = {
  'registry.list': {
    access: 'unlocked',
    input: z.strictObject({ registry, text: z.string().max(200).optional() }),
    result: z.object({ entries: z.array(registryEntrySchema) }),
  },
  'registry.save': {
    access: 'unlocked',
    input: withEveryFaultOfData(
      z.discriminatedUnion('registry', [
        saveOf('villages', registryDataSchemas.villages),
        saveOf('figures', registryDataSchemas.figures),
        saveOf('places', registryDataSchemas.places),
      ]),
      // A figure's sensitive data needs its recorded consent.
      ({ registry, data }) => (isRegistryName(registry) ? registryDataIssues(registry, data) : []),
    ),
    result: registryEntrySchema,
  },
  /** Reads a CSV file; imports every row, or none and says which rows are wrong. */
  'registry.import': {
    access: 'unlocked',
    input: z.strictObject({ registry, uploadId: z.string().max(64) }),
    result: z.object({ imported: z.number(), problems: z.array(importProblemSchema) }),
  },
  'registry.export': { access: 'unlocked', input: z.strictObject({ registry }), result: download },
  /** Everything kept about one person (their entry and the records naming them), as JSON. */
  'registry.exportPerson': { access: 'unlocked', input: z.strictObject({ id: entryId }), result: download },
  /** Erases one person on their request: the entry goes, records keep only that someone was there. */
  'registry.erasePerson': {
    access: 'unlocked',
    input: z.strictObject({ id: entryId, confirmName: z.string().max(200) }),
    result: z.object({ erased: z.boolean(), recordsChanged: z.number() }),
  },
} satisfies ContractSlice;
