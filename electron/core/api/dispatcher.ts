import { maxInputBytes, type Contract, type MethodName, type ValidInput, type ApiOutput } from '../contract';
import { fail, ok, type Result } from '../contract/api-error';
import { ApiFailure } from './api-failure';
import { validationError } from './validation-error';

export type Handlers = {
  readonly [M in MethodName]: (input: ValidInput<M>) => Promise<ApiOutput<M>> | ApiOutput<M>;
};

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The single door into the core. Every transport calls this, so every caller gets the
 * same checks: a known method, an input within size, an input that passes its schema.
 */
export function createDispatcher(contract: Contract, handlers: Handlers, log: (message: string, error: unknown) => void): Dispatch {
  return async (method, input) => {
    if (typeof method !== 'string' || !Object.hasOwn(contract, method)) {
      return fail({ code: 'unknown_method', messageKey: 'errors:api.unknownMethod', params: { method: String(method).slice(0, 100) } });
    }
    const name = method as MethodName;
    const size = inputSize(input);
    if (size === undefined) return fail({ code: 'invalid_input', messageKey: 'errors:api.notJson' });
    if (size > maxInputBytes) {
      return fail({ code: 'payload_too_large', messageKey: 'errors:api.tooLarge', params: { max: maxInputBytes } });
    }
    const parsed = contract[name].input.safeParse(input, { reportInput: true });
    if (!parsed.success) return fail(validationError(parsed.error.issues));
    try {
      const handler = handlers[name] as (valid: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof ApiFailure) return fail(error.error);
      log(`chieng: ${name} failed`, error);
      return fail({ code: 'internal', messageKey: 'errors:api.internal' });
    }
  };
}

/** UTF-8 size of the input as JSON, or undefined when it is not plain JSON data. */
function inputSize(input: unknown): number | undefined {
  try {
    const json = JSON.stringify(input);
    return json === undefined ? undefined : Buffer.byteLength(json, 'utf8');
  } catch {
    return undefined;
  }
}
