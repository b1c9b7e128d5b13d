import type { Handlers } from '../api/dispatcher';
import { Failure } from '../failure';
import type { EventBus } from '../api/event-bus';
import type { PackService } from '../packs/pack-service';
import type { SettingsStore } from '../settings/settings-store';
import type { SyncService } from './sync-service';

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.check' | 'sync.run' | 'sync.cancel'>;

export function syncHandlers(sync: SyncService, packs: PackService, settings: SettingsStore, events: EventBus): SyncHandlers {
  const hubUrl = () => {
    const url = settings.get().hubUrl;
    if (!url) throw new Failure('invalid_input', 'sync:noHub', { field: 'hubUrl' });
    return url;
  };
  return {
    'sync.status': () => {
      const state = packs.trust.state();
      const catalog = state.catalog;
      return {
        hubUrl: settings.get().hubUrl,
        catalog: catalog
          ? {
              version: catalog.version,
              issuedAt: catalog.issuedAt,
              expiresAt: catalog.expiresAt,
              fetchedAt: catalog.fetchedAt,
              expired: Date.parse(catalog.expiresAt) < packs.trust.now().getTime(),
            }
          : null,
        withdrawn: state.withdrawn,
      };
    },
    'sync.check': async () => {
      const check = await packs.exclusive(() => sync.check(hubUrl()));
      events.emit('sync.changed', {});
      return check;
    },
    'sync.run': async ({ ids, catalogSha256 }) => {
      const result = await packs.exclusive(() =>
        sync.run(
          hubUrl(),
          {
            ids,
            catalogSha256,
            // Only an update (or an install that failed after its files went in) can leave files
            // no pack names; a new pack leaves none, and reading every manifest to learn so is slow.
            // Before the new state is judged, so that it counts what the collection removed.
            afterInstalls: async (results) => {
              if (results.some((each) => each.status === 'updated' || each.status === 'failed')) await packs.collectGarbage();
            },
          },
          (progress) => events.emit('sync.progress', progress),
        ),
      );
      events.emit('sync.changed', {});
      if (result.outcome === 'synced') {
        for (const each of result.results)
          if (each.status === 'installed' || each.status === 'updated') events.emit('packs.changed', { id: each.id });
      }
      return result;
    },
    'sync.cancel': () => ({ cancelled: sync.cancel() }),
  };
}
