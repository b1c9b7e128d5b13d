// The core, assembled: one data folder, one dispatcher, one event bus. Electron's main
// process, the HTTP host and the CLI all open it the same way and know nothing of each
// other.
import { contract, type ApiInput, type ApiOutput, type MethodName } from './contract';
import type { Result } from './contract/api-error';
import type { ApiEvent } from './contract/events';
import { createDispatcher, type Dispatch, type Handlers } from './api/dispatcher';
import { EventBus } from './api/event-bus';
import { appInfoHandlers } from './app-info/app-info-handlers';
import { NoticeBoard } from './app-info/notice-board';
import { acquireDataDirLock, type HolderKind } from './data-dir/data-dir-lock';
import { openSettingsStore } from './settings/settings-store';
import { settingsHandlers } from './settings/settings-handlers';
import { openPackService, type PackService } from './packs/pack-service';
import { packsHandlers } from './packs/packs-handlers';
import { trustHandlers } from './packs/trust/trust-handlers';
import { openTransfers, type Transfers } from './transfers/transfers';
import { SyncService, type SyncOptions } from './sync/sync-service';
import { syncHandlers } from './sync/sync-handlers';
import { LibraryService } from './library/library-service';
import { libraryHandlers } from './library/library-handlers';
import { plansHandlers } from './plans/plans-handlers';
import { openPlansStore } from './plans/plans-store';
import { openProfileStore } from './profiles/profile-store';
import { ProfileSession } from './profiles/profile-session';
import { profilesHandlers } from './profiles/profiles-handlers';
import { LogbookService } from './logbooks/logbook-service';
import { logbookHandlers } from './logbooks/logbook-handlers';
import { RegistryStore } from './registries/registry-store';
import { registryHandlers } from './registries/registry-handlers';
import { createTranslator } from './i18n/translator';
import path from 'node:path';

export interface CoreOptions {
  readonly dataDir: string;
  readonly kind: HolderKind;
  readonly appVersion: string;
  /** The app's read-only resources: built-in trust roots, fonts. */
  readonly resourcesDir: string;
  /** Packs that ship inside the app (the demo pack), installed on first start. */
  readonly embeddedPacksDir?: string;
  readonly log?: (message: string, error: unknown) => void;
  /** For tests: a fixed clock, a store that fails. */
  readonly clock?: () => Date;
  readonly packStore?: Pick<Parameters<typeof openPackService>[0], 'storeWriter' | 'freeBytes'>;
  /** For tests: how long a quiet hub is waited for, how often a download is resumed. */
  readonly sync?: SyncOptions;
}

export interface Core {
  readonly dataDir: string;
  readonly call: Dispatch;
  readonly subscribe: (listener: (event: ApiEvent) => void) => () => void;
  /** Files handed over by a transport or the CLI, and files handed back. */
  readonly transfers: Transfers;
  readonly packs: PackService;
  /** The materials of the installed packs, for the material resolver of each transport. */
  readonly library: LibraryService;
  /** Releases the data folder; after this, nothing is written. */
  readonly close: () => Promise<void>;
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const lock = await acquireDataDirLock(options.dataDir, options.kind);
  process.once('exit', lock.releaseSync);
  try {
    const events = new EventBus();
    const log = options.log ?? ((message: string, error: unknown) => console.error(message, error));
    const notices = new NoticeBoard((notice) => events.emit('app.notice', notice));
    const onDamaged = (file: string, movedTo: string) => notices.post('common:notice.damagedFile', { file, movedTo });
    const settings = await openSettingsStore(lock.dataDir, onDamaged);
    const transfers = openTransfers(lock.dataDir);
    await transfers.clear();
    const packs = await openPackService({
      dataDir: lock.dataDir,
      builtInRoots: path.join(options.resourcesDir, 'trust', 'roots'),
      onDamaged,
      ...(options.clock ? { clock: options.clock } : {}),
      ...options.packStore,
    });
    if (options.embeddedPacksDir) await packs.offerEmbedded(options.embeddedPacksDir);
    const sync = new SyncService(packs.installServices, options.sync);
    const library = new LibraryService(packs, lock.dataDir);
    const plans = await openPlansStore(lock.dataDir, onDamaged);
    const session = new ProfileSession(await openProfileStore(lock.dataDir, onDamaged), options.clock);
    const { service: logbooks } = await LogbookService.open(lock.dataDir, {
      device: session.deviceId,
      onDamaged,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    const registries = await RegistryStore.open(lock.dataDir, onDamaged, options.clock);
    // Files made for people (CSV headings, choices) speak the UI's language of the moment.
    const translate = () => createTranslator(settings.get().locale).t;
    // Packs installed, removed or withdrawn change what the library shows; it indexes anew.
    events.subscribe((event) => {
      if (event.name !== 'packs.changed' && event.name !== 'sync.changed') return;
      library.invalidate();
      // Index the new pack now, while nobody is waiting on a search.
      library.warm().then(
        () => events.emit('library.changed', {}),
        (error: unknown) => log('chieng: indexing the library failed', error),
      );
    });

    const handlers = {
      ...appInfoHandlers({ version: options.appVersion, dataDir: lock.dataDir, startedAt: new Date() }, notices),
      ...settingsHandlers(settings, events),
      ...packsHandlers(packs, transfers, events, lock.dataDir),
      ...syncHandlers(sync, packs, settings, events),
      ...trustHandlers(packs),
      ...libraryHandlers(library),
      ...plansHandlers(plans, events),
      ...profilesHandlers(session, events),
      ...logbookHandlers(logbooks, registries, transfers, events, translate),
      ...registryHandlers(registries, logbooks, transfers, events, translate),
    } satisfies Handlers;

    return {
      dataDir: lock.dataDir,
      call: createDispatcher(contract, handlers, session, log),
      subscribe: (listener) => events.subscribe(listener),
      transfers,
      packs,
      library,
      close: async () => {
        await library.settle();
        await logbooks.settle();
        await transfers.clear();
        process.removeListener('exit', lock.releaseSync);
        lock.releaseSync();
      },
    };
  } catch (error) {
    process.removeListener('exit', lock.releaseSync);
    lock.releaseSync();
    throw error;
  }
}

/** For in-process callers (the Electron menu): the same door, with the contract's types. */
export function callTyped<M extends MethodName>(core: Core, method: M, input: ApiInput<M>): Promise<Result<ApiOutput<M>>> {
  return core.call(method, input) as Promise<Result<ApiOutput<M>>>;
}
