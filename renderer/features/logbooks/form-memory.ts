import type { ApiError, LogbookKind } from '../../../electron/core/contract';

export type FormValues = Record<string, unknown>;

interface Kept {
  readonly values: FormValues;
  readonly error: ApiError | null;
}

/**
 * What was typed in a record's form and not yet saved, kept while the person goes
 * elsewhere in the app (to choose their profile, to look a material up) and comes back.
 * In memory only: a record's content stays on the laptop's logbooks, not in the browser.
 */
const kept = new Map<string, Kept>();

export const formKey = (kind: LogbookKind, id: string | undefined) => `${kind}:${id ?? 'new'}`;

export function keepForm(key: string, values: FormValues, error: ApiError | null): void {
  kept.set(key, { values, error });
}

export function keptForm(key: string): Kept | undefined {
  return kept.get(key);
}

export function forgetForm(key: string): void {
  kept.delete(key);
}
