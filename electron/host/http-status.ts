import type { ErrorCode } from '../core/contract/api-error';

/** The HTTP status that carries each error code over the host. */
export const httpStatusFor: Readonly<Record<ErrorCode, number>> = {
  invalid_input: 400,
  forbidden: 403,
  not_found: 404,
  refused: 422,
  storage_failed: 507,
  unknown_method: 404,
  payload_too_large: 413,
  internal: 500,
  unavailable: 503,
};
