import type { ApiError, RegistryEntry, RegistryName } from '../../../electron/core/contract';
import { useQuery } from '../../api/use-query';

export interface RegistryState {
  /** Every entry, sorted by name by the core; undefined until the first answer. */
  readonly entries: readonly RegistryEntry[] | undefined;
  readonly error: ApiError | null;
}

/**
 * One registry, whole: a commune has tens of villages and hundreds of figures, so the list
 * is fetched once and searched here. Reloaded whenever the core says it changed (a save,
 * an import, an erasure, from this window or another).
 */
export function useRegistry(registry: RegistryName): RegistryState {
  const { value, error } = useQuery('registry.list', { registry }, { on: { 'registry.changed': (event) => event.registry === registry } });
  return { entries: value?.entries, error };
}
