import { useCallback, useMemo } from 'react';
import { entryName } from '../../../shared/registry-entry';
import { useRegistry } from '../registries/use-registry';

export type RegistryNameOf = (registry: 'villages' | 'figures' | 'places', id: string) => string | undefined;

/** The names records point to by id (villages, figures, places of worship), from the registries. */
export function useRegistryNames(): RegistryNameOf {
  const villages = useRegistry('villages').entries;
  const figures = useRegistry('figures').entries;
  const places = useRegistry('places').entries;
  const names = useMemo(() => {
    const byRegistry = { villages, figures, places };
    return Object.fromEntries(
      Object.entries(byRegistry).map(([registry, entries]) => [
        registry,
        new Map((entries ?? []).map((entry) => [entry.id, entryName(entry)])),
      ]),
    );
  }, [villages, figures, places]);
  return useCallback((registry, id) => names[registry]?.get(id), [names]);
}
