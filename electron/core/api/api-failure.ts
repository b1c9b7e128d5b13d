import type { ApiError, ErrorCode, FieldError, MessageParams } from '../contract/api-error';

/**
 * Thrown by a handler to refuse a call for a reason the user should read. The dispatcher
 * turns it into an error result; anything else thrown is an internal error.
 */
export class ApiFailure extends Error {
  readonly error: ApiError;

  constructor(
    code: ErrorCode,
    messageKey: string,
    details: { field?: string; params?: MessageParams; fields?: readonly FieldError[] } = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'ApiFailure';
    this.error = { code, messageKey, ...details };
  }
}

/** Refuses input that breaks several rules at once, each named at its field. */
export function invalidInput(error: ApiError): ApiFailure {
  const { messageKey, ...details } = error;
  return new ApiFailure('invalid_input', messageKey, details);
}
