import { z } from 'zod';
import type { ContractSlice } from './define';

export const textScales = [100, 125, 150] as const;

export const settingsSchema = z.object({
  /** The UI language. Materials carry their own language tags; this is only the app's. */
  locale: z.enum(['vi', 'en']),
  /** Text size in percent of the default, for small or far-away screens. */
  textScale: z.literal(textScales),
  /** The provincial hub's address; empty until someone sets it. */
  hubUrl: z.string().max(500).default(''),
  /** The commune this laptop serves, and its province: every record belongs to them. */
  commune: z.string().max(200).default(''),
  province: z.string().max(200).default('Đắk Lắk'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = { locale: 'vi', textScale: 100, hubUrl: '', commune: '', province: 'Đắk Lắk' };

export const settingsPatchSchema = z.strictObject({
  locale: settingsSchema.shape.locale.optional(),
  textScale: settingsSchema.shape.textScale.optional(),
  hubUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]).optional(),
  commune: z.string().trim().max(200).optional(),
  province: z.string().trim().max(200).optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const settingsContract = {
  'settings.get': { access: 'open', input: z.strictObject({}), result: settingsSchema },
  'settings.update': { access: 'unlocked', input: settingsPatchSchema, result: settingsSchema },
} satisfies ContractSlice;
