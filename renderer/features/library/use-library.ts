import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, ApiInput, ApiOutput, ListedMaterial, MaterialPack } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';

export type LibraryFilters = Omit<ApiInput<'library.list'>, 'limit'>;
type ListAnswer = ApiOutput<'library.list'>;
type Facets = ListAnswer['facets'];

/**
 * How many materials are asked for first, alone: more than a tall screen shows at the
 * smallest text size, and little enough to arrive at once when the library holds thousands.
 */
export const firstRowCount = 50;

export interface LibraryData {
  /** Every installed material, newest first; undefined until the core has sent them all. */
  readonly materials: readonly ListedMaterial[] | undefined;
  /** The first materials and how many there are in all, to show while the rest is on its way. */
  readonly firstRows: { readonly materials: readonly ListedMaterial[]; readonly total: number } | undefined;
  readonly byId: ReadonlyMap<string, ListedMaterial>;
  readonly packs: ReadonlyMap<string, MaterialPack>;
  readonly facets: Facets;
  readonly error: ApiError | null;
  /** Bumped each time the library changes in the core, for views that ask it more questions. */
  readonly revision: number;
}

const noFacets: Facets = { topics: [], languages: [], kinds: [] };

/**
 * The whole library, reloaded whenever the core says it changed (a pack installed, removed,
 * withdrawn). The first rows are asked for alone before all of them, so that a library of
 * thousands shows its list without waiting for every row to cross over and be read.
 */
export function useLibrary(): LibraryData {
  const { client } = useApi();
  const [first, setFirst] = useState<ListAnswer>();
  const [list, setList] = useState<ListAnswer>();
  const [error, setError] = useState<ApiError | null>(null);
  const [revision, setRevision] = useState(0);
  const asked = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++asked.current;
    // An answer to an earlier reload is dropped: the library changed since it was asked.
    const ask = async (input: ApiInput<'library.list'>): Promise<ListAnswer | undefined> => {
      const result = await client.call('library.list', input);
      if (ticket !== asked.current) return undefined;
      setError(result.ok ? null : result.error);
      return result.ok ? result.value : undefined;
    };
    void (async () => {
      const firstAnswer = await ask({ limit: firstRowCount });
      if (!firstAnswer) return;
      setFirst(firstAnswer);
      // The rest is asked for once the first rows are on screen: taking in thousands of rows
      // would otherwise hold up the frame that shows them.
      await afterNextPaint();
      const whole = await ask({});
      if (!whole) return;
      setList(whole);
      setRevision((previous) => previous + 1);
    })();
  }, [client]);

  useEffect(() => {
    reload();
    return client.on('library.changed', reload);
  }, [client, reload]);

  // The rows of the last whole answer stand until the next whole answer replaces them.
  const known = list ?? first;
  return useMemo(
    () => ({
      materials: list?.materials,
      firstRows: first && { materials: first.materials, total: first.total },
      byId: new Map((list?.materials ?? []).map((material) => [material.id, material])),
      packs: new Map((known?.packs ?? []).map((pack) => [pack.id, pack])),
      facets: known?.facets ?? noFacets,
      error,
      revision,
    }),
    [list, first, known, error, revision],
  );
}

/** Resolves once the browser has drawn the next frame. */
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export const hasFilters = (filters: LibraryFilters) => Object.values(filters).some((value) => value !== undefined && value !== '');

export interface FilteredMaterials {
  /** The materials the filters leave, or the first of them while the rest is on its way. */
  readonly materials: readonly ListedMaterial[] | undefined;
  /** How many the filters leave in all. */
  readonly total: number | undefined;
  readonly error: ApiError | null;
}

/**
 * The materials the filters leave, as the core narrows them; the whole library when there
 * are no filters. Keeps showing the last answer while the next one is on its way.
 */
export function useFilteredMaterials(filters: LibraryFilters, library: LibraryData): FilteredMaterials {
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

  if (!filtered) {
    const materials = library.materials ?? library.firstRows?.materials;
    return { materials, total: library.materials?.length ?? library.firstRows?.total, error: null };
  }
  return { materials: answer?.materials, total: answer?.materials.length, error };
}
