// The signed documents of docs/pack-format.md, as schemas. Everything a pack says is
// untrusted until these pass (after its signature has).
import { z } from 'zod';
import { isCanonicalLanguageTag } from './language-tag';
import { itemKinds, mediaTypesByKind } from './media-types';

export const packFormatVersion = 1;

const isNfc = (text: string) => text === text.normalize('NFC');
/** Text that is Unicode NFC, bounded in length. */
export const nfcText = (max: number) => z.string().min(1).max(max).refine(isNfc, { message: 'not NFC' });

export const languageTag = z.string().max(35).refine(isCanonicalLanguageTag, { message: 'not a canonical BCP-47 tag' });
export const localizedText = (max: number) => z.record(languageTag, nfcText(max));
export const timestamp = z.iso.datetime({ offset: false });
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
export const keyId = z.string().regex(/^[0-9a-f]{32}$/);
export const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(64);

/** Reverse-domain pack id, at least three labels: `vn.daklak.covid19`. */
export const packId = z
  .string()
  .max(128)
  .regex(/^[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*){2,}$/);

/** A publisher prefix: a pack-id stem ending with a dot. */
export const packIdPrefix = z
  .string()
  .max(128)
  .regex(/^[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)*\.$/);

/** A relative, `/`-separated name with no `.` or `..` segment. */
export const packFilePath = z
  .string()
  .max(240)
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/)
  .refine((path) => !path.split('/').some((segment) => segment === '.' || segment === '..'), { message: 'dot segment' });

export const packFileSchema = z.strictObject({
  path: packFilePath,
  language: languageTag.optional(),
  size: z
    .number()
    .int()
    .min(0)
    .max(4 * 1024 ** 3),
  sha256: sha256Hex,
  mediaType: z.string().max(100),
});
export type PackFile = z.infer<typeof packFileSchema>;

export const packItemSchema = z
  .strictObject({
    id: slug,
    kind: z.enum(itemKinds),
    languages: z.array(languageTag).min(1).max(20),
    topics: z.array(slug).max(30),
    title: localizedText(300).refine((title) => Object.keys(title).length > 0, { message: 'no title' }),
    summary: localizedText(2000).optional(),
    source: nfcText(1000).optional(),
    license: nfcText(1000).optional(),
    files: z.array(packFileSchema).min(1).max(200),
  })
  .superRefine((item, context) => {
    const allowed = mediaTypesByKind[item.kind];
    const [main, ...companions] = item.files;
    if (main && !allowed.main.includes(main.mediaType) && !item.files.some((file) => allowed.main.includes(file.mediaType))) {
      context.addIssue({ code: 'custom', path: ['files'], message: `no ${item.kind} file` });
    }
    for (const file of [main, ...companions]) {
      if (file && !allowed.main.includes(file.mediaType) && !allowed.companions.includes(file.mediaType)) {
        context.addIssue({ code: 'custom', path: ['files'], message: `${file.mediaType} not allowed in ${item.kind}` });
      }
    }
  });

export const manifestSchema = z
  .strictObject({
    type: z.literal('chieng-manifest'),
    format: z.literal(packFormatVersion),
    id: packId,
    version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    title: localizedText(300).refine((title) => typeof title.vi === 'string', { message: 'no Vietnamese title' }),
    description: localizedText(4000).optional(),
    publisherKeyId: keyId,
    publishedAt: timestamp,
    expiresAt: timestamp,
    items: z.array(packItemSchema).max(20_000),
  })
  .superRefine((manifest, context) => {
    if (Date.parse(manifest.expiresAt) <= Date.parse(manifest.publishedAt)) {
      context.addIssue({ code: 'custom', path: ['expiresAt'], message: 'expires before it is published' });
    }
    const itemIds = new Set<string>();
    const paths = new Set<string>();
    for (const item of manifest.items) {
      if (itemIds.has(item.id)) context.addIssue({ code: 'custom', path: ['items'], message: `duplicate item ${item.id}` });
      itemIds.add(item.id);
      for (const file of item.files) {
        if (paths.has(file.path)) context.addIssue({ code: 'custom', path: ['items'], message: `duplicate path ${file.path}` });
        paths.add(file.path);
      }
    }
  });
export type Manifest = z.infer<typeof manifestSchema>;

export const publisherCertificateSchema = z.strictObject({
  type: z.literal('chieng-publisher'),
  format: z.literal(packFormatVersion),
  keyId,
  publicKey: base64,
  name: localizedText(200),
  prefixes: z.array(packIdPrefix).min(1).max(50),
  issuedAt: timestamp,
  expiresAt: timestamp,
  rootKeyId: keyId,
});
export type PublisherCertificate = z.infer<typeof publisherCertificateSchema>;

export const revocationListSchema = z.strictObject({
  type: z.literal('chieng-revocations'),
  format: z.literal(packFormatVersion),
  rootKeyId: keyId,
  version: z.number().int().min(1),
  issuedAt: timestamp,
  revoked: z.array(z.strictObject({ keyId, revokedAt: timestamp, reason: nfcText(500).optional() })).max(10_000),
});
export type RevocationList = z.infer<typeof revocationListSchema>;

export const signatureSchema = z.strictObject({
  format: z.literal('chieng-sig/1'),
  keyId,
  signature: base64,
});
export type DetachedSignature = z.infer<typeof signatureSchema>;

export const rootKeySchema = z.strictObject({
  format: z.literal('chieng-root/1'),
  keyId,
  publicKey: base64,
  name: localizedText(200),
  role: z.enum(['official', 'demo']),
  prefixes: z.array(packIdPrefix).min(1).max(50),
});
export type RootKey = z.infer<typeof rootKeySchema>;

export const publicKeyFileSchema = z.strictObject({
  format: z.literal('chieng-key/1'),
  type: z.literal('ed25519-public'),
  keyId,
  name: z.string().max(200),
  publicKey: base64,
});
export const secretKeyFileSchema = z.strictObject({
  format: z.literal('chieng-key/1'),
  type: z.literal('ed25519-secret'),
  keyId,
  name: z.string().max(200),
  publicKey: base64,
  secretKey: base64,
});
export type SecretKeyFile = z.infer<typeof secretKeyFileSchema>;
export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>;

/** The `.cert` file `chieng key sign-publisher` writes: the exact certificate text and its signature. */
export const certificateFileSchema = z.strictObject({
  format: z.literal('chieng-cert/1'),
  certificate: z.string().max(64 * 1024),
  signature: signatureSchema,
});
