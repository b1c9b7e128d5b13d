import type { ApiError, ErrorCode, FieldError, MessageParams } from './contract/api-error';

export interface FailureDetails {
  readonly field?: string | undefined;
  readonly params?: MessageParams | undefined;
  readonly fields?: readonly FieldError[] | undefined;
}

/**
 * Every refusal the core explains to a person: a code for programs, a message key (with its
 * parameters) for the person, in their language, and the field at fault when there is one.
 * Each kind (a refused pack, a hub that failed, a source folder that does not build, …)
 * extends it with its own reason and code; the dispatcher turns any of them into the API's
 * error the same way, and the CLI says any of them the same way. Anything else thrown is
 * a fault of the program, and is said as one.
 */
export class Failure extends Error {
  // Private, and not \`code\`: code that tells errors apart by Node's \`error.code\` (ENOSPC,
  // ENOENT) must never mistake a failure for a system error.
  readonly #code: ErrorCode;
  readonly messageKey: string;
  readonly params: MessageParams;
  readonly field: string | undefined;
  readonly fields: readonly FieldError[] | undefined;

  constructor(code: ErrorCode, messageKey: string, details: FailureDetails = {}) {
    super(`${code}: ${messageKey}${details.params ? ` ${JSON.stringify(details.params)}` : ''}`);
    this.name = new.target.name;
    this.#code = code;
    this.messageKey = messageKey;
    this.params = details.params ?? {};
    this.field = details.field;
    this.fields = details.fields;
  }

  /** The failure as it crosses the API: data, with nothing of the program's insides. */
  toApiError(): ApiError {
    return {
      code: this.#code,
      messageKey: this.messageKey,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(Object.keys(this.params).length === 0 ? {} : { params: this.params }),
      ...(this.fields === undefined ? {} : { fields: this.fields }),
    };
  }
}

/** Refuses input that breaks several rules at once, each named at its field. */
export function invalidInput(error: ApiError): Failure {
  const { messageKey, ...details } = error;
  return new Failure('invalid_input', messageKey, details);
}
