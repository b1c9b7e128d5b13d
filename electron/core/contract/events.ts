import type { z } from 'zod';
import { settingsSchema } from './settings';

/** Everything the core announces to its clients, whatever carries it (IPC or the event stream). */
export const eventContract = {
  'settings.changed': settingsSchema,
};

export type EventName = keyof typeof eventContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventContract)[E]>;
export type ApiEvent = { [E in EventName]: { readonly name: E; readonly payload: EventPayload<E> } }[EventName];
