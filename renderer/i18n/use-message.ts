import type { MessageParams } from '../../electron/core/contract/api-error';
import { useT } from './use-t';

export interface Message {
  readonly messageKey: string;
  readonly params?: MessageParams;
}

/**
 * Translates a message the core sent (an error, a notice). Its key is only known at run
 * time, so it escapes the typed keys here, in one place; a unit test checks that every key
 * the core can send exists in every locale.
 */
export function useMessage(): (message: Message) => string {
  const t = useT() as unknown as (key: string, options: object) => string;
  return (message) => t(message.messageKey, message.params ?? {});
}
