// The UI's languages and their texts. Material languages (rad, jra, cmo, mng, …) are not
// UI languages: for UI strings they resolve to Vietnamese, so that plural rules and
// formats never fall to whatever locale the machine happens to default to.
import type { InitOptions } from 'i18next';
import viCommon from './vi/common.json';
import viNav from './vi/nav.json';
import viSettings from './vi/settings.json';
import viErrors from './vi/errors.json';
import viMenu from './vi/menu.json';
import viCli from './vi/cli.json';
import viPacks from './vi/packs.json';
import viSync from './vi/sync.json';
import viLibrary from './vi/library.json';
import viViewer from './vi/viewer.json';
import viLogbooks from './vi/logbooks.json';
import viRegistries from './vi/registries.json';
import viProfiles from './vi/profiles.json';
import enCommon from './en/common.json';
import enNav from './en/nav.json';
import enSettings from './en/settings.json';
import enErrors from './en/errors.json';
import enMenu from './en/menu.json';
import enCli from './en/cli.json';
import enPacks from './en/packs.json';
import enSync from './en/sync.json';
import enLibrary from './en/library.json';
import enViewer from './en/viewer.json';
import enLogbooks from './en/logbooks.json';
import enRegistries from './en/registries.json';
import enProfiles from './en/profiles.json';

export const uiLanguages = ['vi', 'en'] as const;
export type UiLanguage = (typeof uiLanguages)[number];
export const defaultUiLanguage: UiLanguage = 'vi';

export const namespaces = [
  'common',
  'nav',
  'settings',
  'errors',
  'menu',
  'cli',
  'packs',
  'sync',
  'library',
  'viewer',
  'logbooks',
  'registries',
  'profiles',
] as const;
export type Namespace = (typeof namespaces)[number];

const vi = {
  common: viCommon,
  nav: viNav,
  settings: viSettings,
  errors: viErrors,
  menu: viMenu,
  cli: viCli,
  packs: viPacks,
  sync: viSync,
  library: viLibrary,
  viewer: viViewer,
  logbooks: viLogbooks,
  registries: viRegistries,
  profiles: viProfiles,
};

export const resources: Record<UiLanguage, typeof vi> = {
  vi,
  en: {
    common: enCommon,
    nav: enNav,
    settings: enSettings,
    errors: enErrors,
    menu: enMenu,
    cli: enCli,
    packs: enPacks,
    sync: enSync,
    library: enLibrary,
    viewer: enViewer,
    logbooks: enLogbooks,
    registries: enRegistries,
    profiles: enProfiles,
  },
};

/** The Intl locale used for dates and numbers in each UI language. */
export const intlLocales: Record<UiLanguage, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Dates with times, everywhere: day first and a four-digit year (26/11/2026), as on Vietnamese forms. */
export const dateTimeFormat: Intl.DateTimeFormatOptions = {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
};

/**
 * Maps any BCP-47 tag (a material's language, a saved setting, an OS locale) to the UI
 * language that speaks for it. Only English is English; everything else is Vietnamese,
 * including Ê Đê (rad), J'rai (jra), M'nông (cmo, mng) and tags we have never seen.
 */
export function resolveUiLanguage(tag: string | undefined | null): UiLanguage {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' ? 'en' : 'vi';
}

/** The i18next options every translator shares: the React UI, the CLI, the Electron menu. */
export const baseI18nOptions = {
  resources,
  fallbackLng: defaultUiLanguage,
  supportedLngs: [...uiLanguages],
  ns: [...namespaces],
  defaultNS: 'common',
  // React escapes what it renders, and the CLI and the menu are not HTML.
  interpolation: { escapeValue: false },
} satisfies InitOptions;
