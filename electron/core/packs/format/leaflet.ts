import { z } from 'zod';
import { localizedText, languageTag, packFilePath, packFormatVersion } from './schemas';

const text = localizedText(4000);

export const leafletSchema = z.strictObject({
  type: z.literal('chieng-leaflet'),
  format: z.literal(packFormatVersion),
  paper: z.enum(['A4', 'A5']),
  orientation: z.enum(['portrait', 'landscape']),
  languages: z.array(languageTag).min(1).max(4),
  blocks: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('title'), text }),
        z.strictObject({ kind: z.literal('paragraph'), text }),
        z.strictObject({ kind: z.literal('note'), text }),
        z.strictObject({ kind: z.literal('list'), items: z.array(text).min(1).max(50) }),
        z.strictObject({ kind: z.literal('image'), path: packFilePath, caption: text.optional() }),
      ]),
    )
    .min(1)
    .max(200),
});
export type Leaflet = z.infer<typeof leafletSchema>;

/** Every piece of text a leaflet would print, for checking the fonts can draw it. */
export function leafletTexts(leaflet: Leaflet): string[] {
  return leaflet.blocks.flatMap((block) => {
    switch (block.kind) {
      case 'list':
        return block.items.flatMap((item) => Object.values(item));
      case 'image':
        return block.caption ? Object.values(block.caption) : [];
      default:
        return Object.values(block.text);
    }
  });
}
