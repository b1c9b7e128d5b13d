import { resolveUiLanguage } from '../../../locales';
import { i18next } from '../../i18n/i18n';

/**
 * A pack's text in the UI language, else Vietnamese, else whatever the publisher gave,
 * with the language it is in (so that it is read out, and hyphenated, in that language).
 */
export function localizedText(texts: Readonly<Record<string, string>>): { readonly text: string; readonly lang: string } {
  const language = resolveUiLanguage(i18next.language);
  for (const tag of [language, 'vi']) {
    const text = texts[tag];
    if (text !== undefined) return { text, lang: tag };
  }
  const [tag, text] = Object.entries(texts)[0] ?? ['vi', ''];
  return { text, lang: tag };
}
