import type { Handlers } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import type { SettingsStore } from './settings-store';

export function settingsHandlers(store: SettingsStore, events: EventBus): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => store.get(),
    'settings.update': async (patch) => {
      const settings = await store.update(patch);
      events.emit('settings.changed', settings);
      return settings;
    },
  };
}
