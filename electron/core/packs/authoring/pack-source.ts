import { z } from 'zod';
import { itemKinds } from '../format/media-types';
import { localizedText, nfcText, packFilePath, packId, timestamp } from '../format/schemas';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(64);
// Language tags are checked separately, to say which one is wrong.
const tag = z.string().max(35);
const text = (max: number) => z.record(tag, z.string().min(1).max(max));

/** `pack.json` in a source folder: what `chieng pack build` reads. */
export const packSourceSchema = z.strictObject({
  id: packId,
  version: z.number().int().min(1),
  title: text(300),
  description: text(4000).optional(),
  validDays: z.number().int().min(1).max(36500).optional(),
  publishedAt: timestamp.optional(),
  expiresAt: timestamp.optional(),
  items: z
    .array(
      z.strictObject({
        id: slug,
        kind: z.enum(itemKinds),
        languages: z.array(tag).min(1),
        topics: z.array(slug).default([]),
        title: text(300),
        summary: text(2000).optional(),
        source: z.string().min(1).max(1000).optional(),
        license: z.string().min(1).max(1000).optional(),
        files: z.array(z.strictObject({ path: packFilePath, language: tag.optional() })).min(1),
      }),
    )
    .max(20_000),
});
export type PackSource = z.infer<typeof packSourceSchema>;

export { localizedText, nfcText };
