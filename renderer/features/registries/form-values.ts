// Between what a form's fields hold (text) and what an entry keeps. Empty answers are left
// out as the core leaves them out (shared/without-empty), so "no answer" means one thing.

/** A whole number typed with or without thousands separators ("1.250"); anything else is sent as typed, for the core to refuse at the field. */
export function numberFromText(text: string): number | string {
  const digits = text.trim().replace(/[.\s]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : text.trim();
}

export const textFromNumber = (value: number | undefined): string => (value === undefined ? '' : String(value));

/** Items typed in one field, separated by semicolons as in the CSV files: "Cụm 1; Cụm 2". */
export function listFromText(text: string): string[] {
  return text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Today in the laptop's own time zone, as a date field holds it (2026-03-05). */
export function todayIso(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
