import type { ApiInput, ApiOutput, MethodName } from '../core/contract';
import { callTyped, type Core } from '../core/core';
import { CliFailure, type CliContext } from './cli-context';

/**
 * Calls the core through the contract, like the UI does; a refusal becomes one CLI line,
 * naming the field at fault by the option that set it (`toDate` is `--to`) where one did.
 */
export async function call<M extends MethodName>(
  context: CliContext,
  core: Core,
  method: M,
  input: ApiInput<M>,
  optionOf: Readonly<Record<string, string>> = {},
): Promise<ApiOutput<M>> {
  const result = await callTyped(core, method, input);
  if (result.ok) return result.value;
  const translate = context.t as unknown as (key: string, options: object) => string;
  const message = translate(result.error.messageKey, result.error.params ?? {});
  const field = result.error.field === undefined ? undefined : (optionOf[result.error.field] ?? result.error.field);
  throw new CliFailure(field ? translate('errors:field.at', { field, message }) : message);
}
