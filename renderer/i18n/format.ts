import { dateTimeFormat, resolveUiLanguage } from '../../locales';
import { formatBytes as formatBytesIn } from '../../shared/format';
import { currentIntlLocale, i18next } from './i18n';

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentIntlLocale()).format(value);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentIntlLocale(), dateTimeFormat).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentIntlLocale(), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}

export function formatBytes(bytes: number): string {
  return formatBytesIn(bytes, resolveUiLanguage(i18next.language));
}
