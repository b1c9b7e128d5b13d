import { createInstance, type TFunction } from 'i18next';
import { baseI18nOptions, resolveUiLanguage, type UiLanguage } from '../../../locales';

export type Translate = TFunction;

/**
 * A translator for texts shown outside the React UI: the CLI's lines, the Electron menu,
 * error dialogs. Same resources and fallbacks as the UI.
 */
export function createTranslator(tag: string | undefined): { language: UiLanguage; t: Translate } {
  const language = resolveUiLanguage(tag);
  const i18n = createInstance();
  void i18n.init({ ...baseI18nOptions, lng: language, initAsync: false });
  return { language, t: i18n.t.bind(i18n) };
}
