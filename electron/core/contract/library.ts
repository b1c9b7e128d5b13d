import { z } from 'zod';
import type { ContractSlice } from './define';

const localized = z.record(z.string(), z.string());
const range = z.tuple([z.number(), z.number()]);

export const materialFileSchema = z.object({ path: z.string(), language: z.string().optional(), mediaType: z.string(), size: z.number() });

const kind = z.enum(['article', 'image', 'audio', 'video', 'pdf', 'leaflet']);

/**
 * One material (a pack item) as the library lists it: what a row, the filters, plans and
 * search results need, and no more, for the list holds thousands. Where it comes from (and
 * when it was signed) is its pack's, in `packs`.
 */
export const listedMaterialSchema = z.object({
  /** `<pack id>/<item id>`: stable across versions of the pack. */
  id: z.string(),
  packId: z.string(),
  itemId: z.string(),
  kind,
  title: localized,
  languages: z.array(z.string()),
  topics: z.array(z.string()),
  withdrawn: z.boolean(),
});
export type ListedMaterial = z.infer<typeof listedMaterialSchema>;

/** One material whole, as it is opened, presented or printed: its summary, source, licence and files too. */
export const materialSchema = listedMaterialSchema.extend({
  summary: localized.optional(),
  source: z.string().optional(),
  license: z.string().optional(),
  files: z.array(materialFileSchema),
});
export type Material = z.infer<typeof materialSchema>;

/** Where materials come from, once per pack rather than once per material. */
export const materialPackSchema = z.object({
  id: z.string(),
  title: localized,
  version: z.number(),
  publisher: localized,
  official: z.boolean(),
  trust: z.enum(['ok', 'revoked', 'untrusted']),
  publishedAt: z.string(),
  expired: z.boolean(),
  withdrawn: z.boolean(),
});
export type MaterialPack = z.infer<typeof materialPackSchema>;

const filters = {
  packId: z.string().max(128).optional(),
  topic: z.string().max(64).optional(),
  language: z.string().max(35).optional(),
  kind: kind.optional(),
};

export const searchHitSchema = z.object({
  id: z.string(),
  score: z.number(),
  /** Where the query matched in the title (Vietnamese or the UI language), for highlighting. */
  title: z.object({ text: z.string(), highlights: z.array(range) }),
  /** A piece of the text around the first match, with the matches marked. */
  snippet: z.object({ text: z.string(), highlights: z.array(range) }).nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const libraryContract = {
  /**
   * Every material, newest first, narrowed by the filters; with the facets to filter by. With
   * `limit`, only the first materials: a list can show those while the rest is on its way.
   */
  'library.list': {
    access: 'unlocked',
    input: z.strictObject({ ...filters, limit: z.number().int().min(1).max(1_000).optional() }),
    result: z.object({
      materials: z.array(listedMaterialSchema),
      /** How many materials the filters leave, all of them even when `limit` sent fewer. */
      total: z.number(),
      packs: z.array(materialPackSchema),
      facets: z.object({ topics: z.array(z.string()), languages: z.array(z.string()), kinds: z.array(z.string()) }),
    }),
  },
  /** One material whole, with its pack; an id the library does not hold is refused as not found. */
  'library.material': {
    access: 'unlocked',
    input: z.strictObject({ id: z.string().min(1).max(200) }),
    result: z.object({ material: materialSchema, pack: materialPackSchema }),
  },
  /** Offline search over titles, topics and article text; accents and apostrophes optional. */
  'library.search': {
    access: 'unlocked',
    input: z.strictObject({ query: z.string().max(10_000), limit: z.number().int().min(1).max(200).optional(), ...filters }),
    result: z.object({ hits: z.array(searchHitSchema), total: z.number() }),
  },
  /** Checks a material's files are all there and whole, and says which are not. */
  'library.check': {
    access: 'unlocked',
    input: z.strictObject({ id: z.string().max(200) }),
    result: z.object({ missing: z.array(z.string()), damaged: z.array(z.string()) }),
  },
} satisfies ContractSlice;
