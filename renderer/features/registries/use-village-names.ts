import { useCallback, useMemo } from 'react';
import { entryName } from '../../../shared/registry-entry';
import { useRegistry } from './use-registry';

/** A village's name by its id, for the figures and places that name one. */
export function useVillageNames(): (id: string | undefined) => string {
  const { entries } = useRegistry('villages');
  const names = useMemo(() => new Map((entries ?? []).map((entry) => [entry.id, entryName(entry)])), [entries]);
  return useCallback((id) => (id === undefined ? '' : (names.get(id) ?? '')), [names]);
}
