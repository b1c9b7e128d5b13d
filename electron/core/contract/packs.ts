import { z } from 'zod';
import type { ContractSlice } from './define';

const localized = z.record(z.string(), z.string());

export const packSummarySchema = z.object({
  id: z.string(),
  version: z.number(),
  title: localized,
  description: localized.optional(),
  publisher: z.object({ keyId: z.string(), name: localized }),
  root: z.object({ keyId: z.string(), name: localized, role: z.enum(['official', 'demo']) }),
  /** Signed under an official root; demo packs are never shown as official. */
  official: z.boolean(),
  publishedAt: z.string(),
  expiresAt: z.string(),
  expired: z.boolean(),
  /** `ok`, or why the app no longer vouches for it (its key revoked, its root removed). */
  trust: z.enum(['ok', 'revoked', 'untrusted']),
  installedAt: z.string(),
  itemCount: z.number(),
  languages: z.array(z.string()),
  kinds: z.record(z.string(), z.number()),
  /** Withdrawn by the province's catalog (outdated guidance): the whole pack, or some items. */
  withdrawn: z.object({ reason: z.string().optional(), at: z.string() }).nullable(),
  withdrawnItems: z.array(z.string()),
  /** Bytes of all its files in the store, and how many of them other packs share. */
  diskBytes: z.number(),
  sharedBytes: z.number(),
});
export type PackSummary = z.infer<typeof packSummarySchema>;

export const importOutcomeSchema = z.object({
  status: z.enum(['installed', 'updated', 'unchanged']),
  id: z.string(),
  version: z.number(),
  previousVersion: z.number().optional(),
  title: z.string(),
  bytesAdded: z.number(),
});

export const trustedRootSchema = z.object({
  keyId: z.string(),
  name: localized,
  role: z.enum(['official', 'demo']),
  prefixes: z.array(z.string()),
  builtIn: z.boolean(),
});
export type TrustedRootSummary = z.infer<typeof trustedRootSchema>;

const packIdInput = z.string().min(3).max(128);
const transferId = z.string().regex(/^[0-9a-f]{32}$/);

export const packsContract = {
  'packs.list': {
    access: 'unlocked',
    input: z.strictObject({}),
    result: z.object({ packs: z.array(packSummarySchema), storeBytes: z.number() }),
  },
  /** Installs a file handed over beforehand (upload over HTTP, a dropped or picked file over IPC). */
  'packs.import': { access: 'unlocked', input: z.strictObject({ uploadId: transferId }), result: importOutcomeSchema },
  'packs.remove': {
    access: 'unlocked',
    input: z.strictObject({ id: packIdInput }),
    result: z.object({ id: z.string(), freedBytes: z.number() }),
  },
  /** Writes the installed pack, original signatures and all, to a file the transport then hands out. */
  'packs.export': {
    access: 'unlocked',
    input: z.strictObject({ id: packIdInput }),
    result: z.object({ downloadId: transferId, fileName: z.string(), size: z.number() }),
  },
  'trust.list': { access: 'unlocked', input: z.strictObject({}), result: z.object({ roots: z.array(trustedRootSchema) }) },
  'trust.add': {
    access: 'unlocked',
    input: z.strictObject({
      root: z
        .string()
        .min(2)
        .max(64 * 1024),
      role: z.enum(['official', 'demo']).optional(),
      prefixes: z.array(z.string().max(128)).max(50).optional(),
    }),
    result: trustedRootSchema,
  },
  'trust.remove': {
    access: 'unlocked',
    input: z.strictObject({ keyId: z.string().regex(/^[0-9a-f]{32}$/) }),
    result: z.object({ removed: z.boolean() }),
  },
} satisfies ContractSlice;
