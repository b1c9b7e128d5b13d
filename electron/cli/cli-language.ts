import type { UiLanguage } from '../../locales';
import { resolveUiLanguage } from '../../locales';

/**
 * The language of the CLI's own lines: CHIENG_LANG if set, else the usual locale
 * variables. Vietnamese unless one of them asks for English.
 */
export function cliLanguage(env: NodeJS.ProcessEnv): UiLanguage {
  const tag = env.CHIENG_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return resolveUiLanguage(tag);
}
