import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Low } from 'lowdb';
import { ulid } from 'ulid';
import { z } from 'zod';
import { DurableJsonFile } from '../storage/durable-json-file';
import type { PinHash } from './pin-hash';
import { replaceData } from '../storage/replace-data';

const storedProfile = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  pin: z.object({ salt: z.string(), hash: z.string(), N: z.number() }).optional(),
});
export type StoredProfile = z.infer<typeof storedProfile>;

const fileSchema = z.object({
  deviceId: z.string(),
  profiles: z.array(storedProfile),
  activeId: z.string().nullable(),
  idleLockMinutes: z.number().int().min(0).max(240),
});
type ProfilesFile = z.infer<typeof fileSchema>;

export interface ProfileStore {
  readonly deviceId: string;
  readonly data: Readonly<ProfilesFile>;
  add(name: string, pin: PinHash | undefined, now: Date): Promise<StoredProfile>;
  update(id: string, change: { name: string; pin?: PinHash | null }): Promise<void>;
  setActive(id: string): Promise<void>;
  setIdleLock(minutes: number): Promise<void>;
}

/**
 * The laptop's people and its own identity, in `profiles.json`. The device id is made once,
 * at first start, and names this laptop in every record it writes; if the file is damaged
 * and moved aside a new id is made, which the hub sees as a new device (nothing is lost).
 */
export async function openProfileStore(dataDir: string, onDamaged: (file: string, movedTo: string) => void): Promise<ProfileStore> {
  const fresh: ProfilesFile = { deviceId: randomUUID(), profiles: [], activeId: null, idleLockMinutes: 10 };
  const db = new Low<ProfilesFile>(
    new DurableJsonFile(path.join(dataDir, 'profiles.json'), { parse: (data) => fileSchema.parse(data), onDamaged }),
    fresh,
  );
  await db.read();
  const write = async (next: ProfilesFile) => {
    await replaceData(db, next);
  };
  if (db.data === fresh) await write(fresh);

  return {
    get deviceId() {
      return db.data.deviceId;
    },
    get data() {
      return db.data;
    },
    async add(name, pin, now) {
      const profile: StoredProfile = {
        id: ulid(now.getTime()),
        name: name.normalize('NFC'),
        createdAt: now.toISOString(),
        ...(pin ? { pin } : {}),
      };
      await write({ ...db.data, profiles: [...db.data.profiles, profile] });
      return profile;
    },
    async update(id, change) {
      const profiles = db.data.profiles.map((profile) => {
        if (profile.id !== id) return profile;
        const { pin: previousPin, ...rest } = profile;
        const pin = change.pin === undefined ? previousPin : (change.pin ?? undefined);
        return { ...rest, name: change.name.normalize('NFC'), ...(pin ? { pin } : {}) };
      });
      await write({ ...db.data, profiles });
    },
    setActive: (id) => write({ ...db.data, activeId: id }),
    setIdleLock: (minutes) => write({ ...db.data, idleLockMinutes: minutes }),
  };
}
