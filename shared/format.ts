import { intlLocales, type UiLanguage } from '../locales';

const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A size as people read it, in the UI language's number format: "1,2 MB" or "1.2 MB". */
export function formatBytes(bytes: number, language: UiLanguage): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(intlLocales[language], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
