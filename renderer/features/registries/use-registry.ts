import { useCallback, useEffect, useState } from 'react';
import type { ApiError, RegistryEntry, RegistryName } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';

export interface RegistryState {
  /** Every entry, sorted by name by the core; undefined until the first answer. */
  readonly entries: readonly RegistryEntry[] | undefined;
  readonly error: ApiError | null;
}

/**
 * One registry, whole: a commune has tens of villages and hundreds of figures, so the list
 * is fetched once and searched here. Reloaded whenever the core says it changed (a save,
 * an import, an erasure, from this window or another) and when someone unlocks the app.
 */
export function useRegistry(registry: RegistryName): RegistryState {
  const { client } = useApi();
  const [state, setState] = useState<RegistryState & { registry: RegistryName }>({ registry, entries: undefined, error: null });

  const reload = useCallback(() => {
    void client.call('registry.list', { registry }).then((result) => {
      setState(
        result.ok ? { registry, entries: result.value.entries, error: null } : (current) => ({ ...current, registry, error: result.error }),
      );
    });
  }, [client, registry]);

  useEffect(() => {
    reload();
    const offChanged = client.on('registry.changed', (event) => event.registry === registry && reload());
    // Refused while the app was locked; readable again once someone unlocks it.
    const offProfiles = client.on('profiles.changed', reload);
    return () => {
      offChanged();
      offProfiles();
    };
  }, [client, registry, reload]);

  // A list fetched for another registry is not this one's.
  return state.registry === registry ? state : { entries: undefined, error: null };
}
