// What the laptop remembers about trust, durably: the newest signed time it has verified,
// the newest revocation list of each root, and the highest version of every pack it has
// installed (kept after removal, so an old version can never come back).
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { DurableJsonFile } from '../../storage/durable-json-file';
import { replaceData } from '../../storage/replace-data';
import { keyId, sha256Hex, timestamp } from '../format/schemas';

const stateSchema = z.object({
  newestSignedTime: timestamp.nullable(),
  revocations: z.record(keyId, z.object({ version: z.number().int(), revoked: z.array(z.object({ keyId, revokedAt: timestamp })) })),
  packVersions: z.record(z.string(), z.object({ version: z.number().int(), manifestSha256: sha256Hex })),
  /** Embedded packs already offered, so a pack the user removed does not return at every start. */
  embeddedOffered: z.record(z.string(), z.number().int()),
  /** The newest hub catalog accepted: a later one must not go back. */
  catalog: z
    .object({
      hubKeyId: keyId,
      version: z.number().int(),
      documentSha256: sha256Hex,
      issuedAt: timestamp,
      expiresAt: timestamp,
      fetchedAt: timestamp,
    })
    .nullable()
    .default(null),
  /** What that catalog withdrew: shown as withdrawn even offline. */
  withdrawn: z
    .array(z.object({ packId: z.string(), itemId: z.string().optional(), reason: z.string().optional(), at: timestamp }))
    .default([]),
});
export type TrustStateData = z.infer<typeof stateSchema>;

const empty = (): TrustStateData => ({
  newestSignedTime: null,
  revocations: {},
  packVersions: {},
  embeddedOffered: {},
  catalog: null,
  withdrawn: [],
});

export interface TrustState {
  read(): TrustStateData;
  update(change: (data: TrustStateData) => void): Promise<void>;
}

export async function openTrustState(trustDir: string, onDamaged: (file: string, movedTo: string) => void): Promise<TrustState> {
  const db = new Low<TrustStateData>(
    new DurableJsonFile(path.join(trustDir, 'state.json'), { parse: (data) => stateSchema.parse(data), onDamaged }),
    empty(),
  );
  await db.read();
  return {
    read: () => db.data,
    async update(change) {
      const next = structuredClone(db.data);
      change(next);
      await replaceData(db, next);
    },
  };
}

/** The later of the clock and the newest signed time seen: setting the clock back revives nothing. */
export function effectiveNow(state: TrustStateData, clock: Date): Date {
  const newest = state.newestSignedTime ? Date.parse(state.newestSignedTime) : 0;
  return new Date(Math.max(clock.getTime(), newest));
}
