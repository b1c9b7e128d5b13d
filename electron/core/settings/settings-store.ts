import path from 'node:path';
import { Low } from 'lowdb';
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../contract/settings';
import { DurableJsonFile } from '../storage/durable-json-file';
import { replaceData } from '../storage/replace-data';

export const settingsFileName = 'settings.json';

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
}

/** The device's settings, one small durable JSON file in the data folder. */
export async function openSettingsStore(dataDir: string, onDamaged: (file: string, movedTo: string) => void): Promise<SettingsStore> {
  const adapter = new DurableJsonFile<Settings>(path.join(dataDir, settingsFileName), {
    parse: (data) => settingsSchema.parse(data),
    onDamaged,
  });
  const db = new Low<Settings>(adapter, { ...defaultSettings });
  await db.read();
  return {
    get: () => ({ ...db.data }),
    async update(patch) {
      const next: Settings = { ...db.data };
      if (patch.locale !== undefined) next.locale = patch.locale;
      if (patch.textScale !== undefined) next.textScale = patch.textScale;
      if (patch.hubUrl !== undefined) next.hubUrl = patch.hubUrl;
      if (patch.commune !== undefined) next.commune = patch.commune.normalize('NFC');
      if (patch.province !== undefined) next.province = patch.province.normalize('NFC');
      // Only a successful write changes what the app shows.
      await replaceData(db, next);
      return { ...next };
    },
  };
}
