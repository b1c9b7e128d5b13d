import type { ApiError, FieldError } from '../../../electron/core/contract/api-error';

/** Where each refused field's message goes: keyed by the form's own field path. */
export interface FieldErrors {
  /** The message for this field, or for the first thing wrong inside it (`dignitaries` for `dignitaries.0.name`). */
  readonly at: (path: string) => FieldError | undefined;
  readonly count: number;
}

export const noFieldErrors: FieldErrors = { at: () => undefined, count: 0 };

/**
 * Splits the core's refusal by field. The core names fields as it received them
 * (`data.fullName`); `prefix` is what the form's own paths leave out.
 */
export function fieldErrors(error: ApiError | null, prefix = ''): FieldErrors {
  if (!error) return noFieldErrors;
  const all =
    error.fields ??
    (error.field === undefined
      ? []
      : [{ field: error.field, messageKey: error.messageKey, ...(error.params ? { params: error.params } : {}) }]);
  const own = all.filter((each) => each.field.startsWith(prefix)).map((each) => ({ ...each, field: each.field.slice(prefix.length) }));
  return {
    at: (path) => own.find((each) => each.field === path) ?? own.find((each) => each.field.startsWith(`${path}.`)),
    count: own.length,
  };
}
