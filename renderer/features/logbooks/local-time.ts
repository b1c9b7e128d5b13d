import { formatDateTime } from '../../i18n/format';

/**
 * Records keep the field worker's wall-clock time as `<input type="datetime-local">` gives
 * it (`2026-11-24T18:30`); the laptop's clock is on Vietnam's time, so no zone is involved.
 */
const pad = (value: number) => String(value).padStart(2, '0');

export function localDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `2026-11`, as `<input type="month">` gives it; `back` months earlier. */
export function localMonth(date: Date, back = 0): string {
  const shifted = new Date(date.getFullYear(), date.getMonth() - back, 1);
  return `${shifted.getFullYear()}-${pad(shifted.getMonth() + 1)}`;
}

/** A local time as the UI writes dates (24/11/2026 18:30); a value it cannot read, as it is. */
export function formatLocalTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatDateTime(date.toISOString());
}
