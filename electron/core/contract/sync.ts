import { z } from 'zod';
import type { ContractSlice } from './define';

const localized = z.record(z.string(), z.string());
const message = z.object({ messageKey: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const catalogStatusSchema = z.object({
  /** `ok`, or why the app would not act on it: older than one seen, the same version changed, expired. */
  status: z.enum(['ok', 'stale', 'replayed', 'expired']),
  version: z.number(),
  knownVersion: z.number().nullable(),
  issuedAt: z.string(),
  expiresAt: z.string(),
});

export const availablePackSchema = z.object({
  id: z.string(),
  title: localized,
  version: z.number(),
  installedVersion: z.number().nullable(),
  /** new, an update, already current, older than what is installed (ignored), or withdrawn. */
  state: z.enum(['new', 'update', 'current', 'older', 'withdrawn']),
  /** Bytes still to fetch: files this laptop lacks, nothing it already has. */
  downloadBytes: z.number(),
  totalBytes: z.number(),
  fileCount: z.number(),
});
export type AvailablePack = z.infer<typeof availablePackSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What the hub offers, as `sync.check` shows it and as `sync.run` leaves it. */
export const syncCheckSchema = z.object({
  catalog: catalogStatusSchema,
  /**
   * SHA-256 of the signed catalog document judged. Given back to `sync.run`, it makes the run
   * install from this catalog or from none.
   */
  catalogSha256: sha256,
  packs: z.array(availablePackSchema),
});
export type SyncCheck = z.infer<typeof syncCheckSchema>;

export const syncPackResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['installed', 'updated', 'unchanged', 'failed']),
  version: z.number(),
  failure: message.optional(),
});

export const syncRunResultSchema = z.discriminatedUnion('outcome', [
  /** Done (or stopped): each pack's result, and what the hub offers now, seen from this laptop. */
  z.object({ outcome: z.literal('synced'), cancelled: z.boolean(), results: z.array(syncPackResultSchema), check: syncCheckSchema }),
  /** The hub's catalog is not the one shown: nothing was installed; this is the new one to show. */
  z.object({ outcome: z.literal('catalogChanged'), check: syncCheckSchema }),
]);
export type SyncRunResult = z.infer<typeof syncRunResultSchema>;

export const withdrawalSchema = z.object({
  packId: z.string(),
  itemId: z.string().optional(),
  reason: z.string().optional(),
  at: z.string(),
});

export const syncContract = {
  /** What the app knows without the network: the last catalog accepted and its withdrawals. */
  'sync.status': {
    access: 'unlocked',
    input: z.strictObject({}),
    result: z.object({
      hubUrl: z.string(),
      catalog: z
        .object({ version: z.number(), issuedAt: z.string(), expiresAt: z.string(), fetchedAt: z.string(), expired: z.boolean() })
        .nullable(),
      withdrawn: z.array(withdrawalSchema),
    }),
  },
  /** Asks the hub what is new: fetches and checks the catalog and the manifests it names. */
  'sync.check': { access: 'unlocked', input: z.strictObject({}), result: syncCheckSchema },
  /**
   * Downloads (resuming where it stopped) and installs the packs named, or every new one, from
   * the catalog shown (`catalogSha256` of its check); without it (the CLI), from the catalog
   * the run reads itself.
   */
  'sync.run': {
    access: 'unlocked',
    input: z.strictObject({ ids: z.array(z.string().max(128)).max(1000).optional(), catalogSha256: sha256.optional() }),
    result: syncRunResultSchema,
  },
  'sync.cancel': { access: 'unlocked', input: z.strictObject({}), result: z.object({ cancelled: z.boolean() }) },
} satisfies ContractSlice;
