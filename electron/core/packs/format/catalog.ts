// The hub's catalog: what a province offers and what it has withdrawn. One file, carrying
// its own signature and its signer's certificate, so a hub can replace it atomically.
import { z } from 'zod';
import { keyId, localizedText, nfcText, packFormatVersion, packId, sha256Hex, signatureSchema, timestamp } from './schemas';

export const catalogSchema = z
  .strictObject({
    type: z.literal('chieng-catalog'),
    format: z.literal(packFormatVersion),
    hubKeyId: keyId,
    /** Goes up by one with every change; a laptop refuses to go back. */
    version: z.number().int().min(1),
    issuedAt: timestamp,
    expiresAt: timestamp,
    packs: z
      .array(
        z.strictObject({
          id: packId,
          version: z.number().int().min(1),
          manifestSha256: sha256Hex,
          title: localizedText(300),
          publishedAt: timestamp,
          totalBytes: z.number().int().min(0),
          fileCount: z.number().int().min(0),
        }),
      )
      .max(10_000),
    withdrawn: z
      .array(
        z.strictObject({
          packId,
          /** Absent: the whole pack is withdrawn. */
          itemId: z
            .string()
            .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
            .max(64)
            .optional(),
          reason: nfcText(500).optional(),
          at: timestamp,
        }),
      )
      .max(100_000),
  })
  .superRefine((catalog, context) => {
    if (Date.parse(catalog.expiresAt) <= Date.parse(catalog.issuedAt))
      context.addIssue({ code: 'custom', path: ['expiresAt'], message: 'expires before it is issued' });
    const ids = new Set<string>();
    for (const pack of catalog.packs) {
      if (ids.has(pack.id)) context.addIssue({ code: 'custom', path: ['packs'], message: `duplicate pack ${pack.id}` });
      ids.add(pack.id);
    }
  });
export type Catalog = z.infer<typeof catalogSchema>;

const signedTextSchema = z.strictObject({ document: z.string().max(32 * 1024 * 1024), signature: signatureSchema });

/** `catalog.json` on the hub: the catalog's exact text and signature, and the signer's certificate. */
export const catalogFileSchema = z.strictObject({
  format: z.literal('chieng-catalog-file/1'),
  catalog: signedTextSchema,
  certificate: signedTextSchema,
});
export type CatalogFile = z.infer<typeof catalogFileSchema>;

/** Where each thing lives on a hub, relative to its base URL or folder. */
export const hubPaths = {
  catalog: 'catalog.json',
  packDocument: (id: string, version: number, name: string) => `packs/${id}/${version}/${name}`,
  object: (sha256: string) => `objects/${sha256.slice(0, 2)}/${sha256}`,
  /** A pack version's distinct files end to end, in manifest order: a first install in one request. */
  bundle: (id: string, version: number) => `packs/${id}/${version}/files.bundle`,
  revocations: (rootKeyId: string, name: string) => `trust/${rootKeyId}/${name}`,
} as const;

export { keyId };
