// Errors cross every boundary as data: a stable code for programs, a message key for
// people (resolved in the caller's language), and the field at fault when there is one.

export const errorCodes = [
  'invalid_input',
  'unknown_method',
  'payload_too_large',
  'forbidden',
  'not_found',
  'refused',
  'storage_failed',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type MessageParams = Record<string, string | number>;

export interface ApiError {
  readonly code: ErrorCode;
  /** An i18next key with its namespace, e.g. `errors:field.required`. */
  readonly messageKey: string;
  /** Dotted path of the input field at fault, e.g. `locale` or `items.2.title`. */
  readonly field?: string;
  readonly params?: MessageParams;
  /** Every field at fault, when a form has several, so each can show its own message. */
  readonly fields?: readonly FieldError[];
}

export interface FieldError {
  readonly field: string;
  readonly messageKey: string;
  readonly params?: MessageParams;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ApiError): Result<never> => ({ ok: false, error });
