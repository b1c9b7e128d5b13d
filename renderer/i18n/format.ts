import { dateTimeFormat } from '../../locales';
import { currentIntlLocale } from './i18n';

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(currentIntlLocale()).format(value);
}

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentIntlLocale(), dateTimeFormat).format(new Date(iso));
}
