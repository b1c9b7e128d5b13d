// The people who share one laptop (a commune office has one): each record names its author.
// A profile may have a PIN; then the app locks after the idle time set here.
import { z } from 'zod';
import type { ContractSlice } from './define';

export const profileSchema = z.object({ id: z.string(), name: z.string(), hasPin: z.boolean(), createdAt: z.string() });
export type Profile = z.infer<typeof profileSchema>;

export const sessionSchema = z.object({
  profiles: z.array(profileSchema),
  /** Who is working now; null until someone is chosen. */
  activeId: z.string().nullable(),
  /** Locked: only choosing a profile and its PIN is possible. */
  locked: z.boolean(),
  /** Minutes without use before the app locks (when the active profile has a PIN); 0 = never. */
  idleLockMinutes: z.number(),
  /** This laptop's identity in every record it writes. */
  deviceId: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

const pin = z.string().regex(/^\d{4,8}$/);
const profileId = z.string().min(1).max(64);

export const profilesContract = {
  'profiles.session': { access: 'open', input: z.strictObject({}), result: sessionSchema },
  /** Adds a person, or renames one or changes their PIN (the current PIN is needed to change it). */
  'profiles.save': {
    access: 'unlocked',
    input: z.strictObject({
      id: profileId.optional(),
      name: z.string().trim().min(1).max(100),
      /** A new PIN, or null to remove it. */
      pin: pin.nullable().optional(),
      currentPin: z.string().max(8).optional(),
    }),
    result: sessionSchema,
  },
  /**
   * Starts working as this person (their PIN if they have one). `remember: false` is for one
   * command's run (the CLI's --profile): the person chosen in the app stays chosen.
   */
  'profiles.activate': {
    access: 'open',
    input: z.strictObject({ id: profileId, pin: z.string().max(8).optional(), remember: z.boolean().optional() }),
    result: sessionSchema,
  },
  /** Locks now (the UI calls this after the idle time, or on the person's request). */
  'profiles.lock': { access: 'open', input: z.strictObject({}), result: sessionSchema },
  'profiles.setIdleLock': {
    access: 'unlocked',
    input: z.strictObject({ minutes: z.number().int().min(0).max(240) }),
    result: sessionSchema,
  },
} satisfies ContractSlice;
