import { resolveUiLanguage } from '../../locales';
import { i18next } from './i18n';

/**
 * Picks the text for the UI language from a pack's map of texts, falling back to Vietnamese
 * and then to whatever language the publisher gave.
 */
export function localized(texts: Readonly<Record<string, string>> | undefined): string {
  if (!texts) return '';
  const language = resolveUiLanguage(i18next.language);
  return texts[language] ?? texts.vi ?? Object.values(texts)[0] ?? '';
}
