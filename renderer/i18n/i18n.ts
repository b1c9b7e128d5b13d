import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { baseI18nOptions, intlLocales, resolveUiLanguage, type UiLanguage } from '../../locales';

/** Shown instead of a text that exists in no locale, so a test (or a person) sees it at once. */
export const missingKeyMarker = (key: string) => `⟦${key}⟧`;

export async function initI18n(language: UiLanguage): Promise<void> {
  await i18next.use(initReactI18next).init({
    ...baseI18nOptions,
    lng: language,
    parseMissingKeyHandler: missingKeyMarker,
  });
}

/** The Intl locale for the UI language in effect; material tags (rad, jra, …) map to Vietnamese. */
export function currentIntlLocale(): string {
  return intlLocales[resolveUiLanguage(i18next.language)];
}

export { i18next };
