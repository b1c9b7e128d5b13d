import { currentIntlLocale } from './i18n';

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentIntlLocale()).format(value);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentIntlLocale(), { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}
