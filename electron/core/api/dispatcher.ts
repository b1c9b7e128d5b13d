import { maxInputBytes, type Contract, type MethodName, type ValidInput, type ApiOutput } from '../contract';
import { fail, ok, type Result } from '../contract/api-error';
import type { Access } from '../contract/define';
import { Failure } from '../failure';
import type { Author } from '../profiles/profile-session';
import { validationError } from './validation-error';

type Answer<M extends MethodName> = Promise<ApiOutput<M>> | ApiOutput<M>;

/** A method's handler; one that saves work under someone's name is told whose. */
export type Handler<M extends MethodName> = Contract[M]['access'] extends 'author'
  ? (input: ValidInput<M>, author: Author) => Answer<M>
  : (input: ValidInput<M>) => Answer<M>;

export type Handlers = { readonly [M in MethodName]: Handler<M> };

/**
 * Where a call comes from: the laptop's own screen (its window, the loopback host, the CLI),
 * or a shared listener that phones on the laptop's Wi-Fi reach.
 */
export interface Caller {
  readonly via: 'own' | 'shared';
}

export const ownScreen: Caller = { via: 'own' };

/** Lets a call through by its method's access rule, or refuses it; for `author`, says who works. */
export interface Gate {
  admit(access: Access): Author | undefined;
}

export type Dispatch = (method: unknown, input: unknown, caller?: Caller) => Promise<Result<unknown>>;

/**
 * The single door into the core. Every transport calls this, so every caller gets the
 * same checks, in this order: a known method; one the caller's listener may reach; the
 * method's access rule (before the input is even read, so that a locked app says nothing
 * about what it holds); an input within size that passes its schema. Any failure the
 * handler throws becomes the API's error here, and only here.
 */
export function createDispatcher(
  contract: Contract,
  handlers: Handlers,
  gate: Gate,
  log: (message: string, error: unknown) => void,
): Dispatch {
  return async (method, input, caller = ownScreen) => {
    if (typeof method !== 'string' || !Object.hasOwn(contract, method)) {
      return fail({ code: 'unknown_method', messageKey: 'errors:api.unknownMethod', params: { method: String(method).slice(0, 100) } });
    }
    const name = method as MethodName;
    const spec = contract[name];
    try {
      if (caller.via === 'shared' && !('shared' in spec && spec.shared)) throw new Failure('forbidden', 'errors:api.notShared');
      const author = gate.admit(spec.access);
      const size = inputSize(input);
      if (size === undefined) return fail({ code: 'invalid_input', messageKey: 'errors:api.notJson' });
      if (size > maxInputBytes) {
        return fail({ code: 'payload_too_large', messageKey: 'errors:api.tooLarge', params: { max: maxInputBytes } });
      }
      const parsed = spec.input.safeParse(input, { reportInput: true });
      if (!parsed.success) return fail(validationError(parsed.error.issues));
      const handler = handlers[name] as (valid: unknown, author: Author | undefined) => unknown;
      return ok(await handler(parsed.data, author));
    } catch (error) {
      if (error instanceof Failure) return fail(error.toApiError());
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
