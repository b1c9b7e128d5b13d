import { z } from 'zod';
import { settingsSchema } from './settings';
import { logbookKinds } from '../../../shared/logbook-choices';
import { registryNames } from '../../../shared/registry-choices';
import { sessionSchema } from './profiles';
import { noticeSchema } from './app-info';

/** Everything the core announces to its clients, whatever carries it (IPC or the event stream). */
export const eventContract = {
  'settings.changed': settingsSchema,
  /** Something the user must hear about happened after start (a damaged file found and moved aside). */
  'app.notice': noticeSchema,
  /** Installed packs changed (an import, a removal): lists should reload. */
  'packs.changed': z.object({ id: z.string() }),
  'packs.importProgress': z.object({
    uploadId: z.string(),
    label: z.string(),
    doneBytes: z.number(),
    totalBytes: z.number(),
    doneFiles: z.number(),
    totalFiles: z.number(),
  }),
  /** One counter for a whole sync (every pack's bytes and files together); `title` is the pack coming now. */
  'sync.progress': z.object({
    packId: z.string(),
    title: z.string(),
    doneBytes: z.number(),
    totalBytes: z.number(),
    doneFiles: z.number(),
    totalFiles: z.number(),
    bytesPerSecond: z.number(),
    secondsLeft: z.number().nullable(),
  }),
  /** The catalog or its withdrawals changed: the library should show them. */
  'sync.changed': z.object({}),
  /** The library's materials or search index changed (a pack installed, removed, withdrawn). */
  'library.changed': z.object({}),
  'plans.changed': z.object({}),
  /** A record was saved or withdrawn: lists of that logbook should reload. */
  'logbook.changed': z.object({ kind: z.enum(logbookKinds), id: z.string() }),
  'registry.changed': z.object({ registry: z.enum(registryNames) }),
  /** Someone was added, chosen, or the app locked or unlocked. */
  'profiles.changed': sessionSchema,
};

export type EventName = keyof typeof eventContract;
export type EventPayload<E extends EventName> = z.infer<(typeof eventContract)[E]>;
export type ApiEvent = { [E in EventName]: { readonly name: E; readonly payload: EventPayload<E> } }[EventName];
