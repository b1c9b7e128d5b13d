import { useCallback, useEffect, useState } from 'react';
import type { ApiError, PackSummary } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';

export interface PacksState {
  readonly packs: readonly PackSummary[] | undefined;
  readonly storeBytes: number;
  readonly error: ApiError | null;
  readonly reload: () => void;
}

/**
 * The installed packs, reloaded whenever the core says they changed, and after each look at
 * the hub's catalog: a withdrawal it brings changes a pack with nothing to download.
 */
export function usePacks(): PacksState {
  const { client } = useApi();
  const [state, setState] = useState<Omit<PacksState, 'reload'>>({ packs: undefined, storeBytes: 0, error: null });

  const reload = useCallback(() => {
    void client.call('packs.list', {}).then((result) => {
      setState(
        result.ok
          ? { packs: result.value.packs, storeBytes: result.value.storeBytes, error: null }
          : (current) => ({ ...current, error: result.error }),
      );
    });
  }, [client]);

  useEffect(() => {
    reload();
    const offPacks = client.on('packs.changed', reload);
    const offSync = client.on('sync.changed', reload);
    return () => {
      offPacks();
      offSync();
    };
  }, [client, reload]);

  return { ...state, reload };
}
