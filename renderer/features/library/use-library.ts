import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, ApiInput, ApiOutput, ListedMaterial, MaterialPack } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';

export type LibraryFilters = ApiInput<'library.list'>;
type Facets = ApiOutput<'library.list'>['facets'];

export interface LibraryData {
  /** Every installed material, newest first; undefined until the core first answers. */
  readonly materials: readonly ListedMaterial[] | undefined;
  readonly byId: ReadonlyMap<string, ListedMaterial>;
  readonly packs: ReadonlyMap<string, MaterialPack>;
  readonly facets: Facets;
  readonly error: ApiError | null;
  /** Bumped each time the library changes in the core, for views that ask it more questions. */
  readonly revision: number;
}

const noFacets: Facets = { topics: [], languages: [], kinds: [] };

/** The whole library, reloaded whenever the core says it changed (a pack installed, removed, withdrawn). */
export function useLibrary(): LibraryData {
  const { client } = useApi();
  const [list, setList] = useState<ApiOutput<'library.list'>>();
  const [error, setError] = useState<ApiError | null>(null);
  const [revision, setRevision] = useState(0);
  const asked = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++asked.current;
    void client.call('library.list', {}).then((result) => {
      if (ticket !== asked.current) return;
      if (result.ok) {
        setList(result.value);
        setError(null);
        setRevision((value) => value + 1);
      } else setError(result.error);
    });
  }, [client]);

  useEffect(() => {
    reload();
    return client.on('library.changed', reload);
  }, [client, reload]);

  return useMemo(
    () => ({
      materials: list?.materials,
      byId: new Map((list?.materials ?? []).map((material) => [material.id, material])),
      packs: new Map((list?.packs ?? []).map((pack) => [pack.id, pack])),
      facets: list?.facets ?? noFacets,
      error,
      revision,
    }),
    [list, error, revision],
  );
}

export const hasFilters = (filters: LibraryFilters) => Object.values(filters).some((value) => value !== undefined && value !== '');

/**
 * The materials the filters leave, as the core narrows them; the whole library when there
 * are no filters. Keeps showing the last answer while the next one is on its way.
 */
export function useFilteredMaterials(filters: LibraryFilters, library: LibraryData): { materials: readonly ListedMaterial[] | undefined; error: ApiError | null } {
  const { client } = useApi();
  const filtered = hasFilters(filters);
  const [answer, setAnswer] = useState<{ key: string; materials: readonly ListedMaterial[] } | undefined>();
  const [error, setError] = useState<ApiError | null>(null);
  const key = JSON.stringify(filters);
  const asked = useRef(0);

  useEffect(() => {
    if (!filtered) return;
    const ticket = ++asked.current;
    void client.call('library.list', JSON.parse(key) as LibraryFilters).then((result) => {
      if (ticket !== asked.current) return;
      if (result.ok) {
        setAnswer({ key, materials: result.value.materials });
        setError(null);
      } else setError(result.error);
    });
  }, [client, filtered, key, library.revision]);

  if (!filtered) return { materials: library.materials, error: null };
  return { materials: answer?.materials, error };
}
