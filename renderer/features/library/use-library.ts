import { useEffect, useMemo, useState } from 'react';
import type { ApiError, ApiInput, ApiOutput, ListedMaterial, MaterialPack } from '../../../electron/core/contract';
import { useQuery } from '../../api/use-query';

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
  // The rest is asked for once the first rows are on screen: taking in thousands of rows
  // would otherwise hold up the frame that shows them.
  const [painted, setPainted] = useState(false);
  const whole = useQuery('library.list', {}, { enabled: painted, on: { 'library.changed': true } });
  // Once the whole list has come the first rows are no longer shown, nor asked for again.
  const first = useQuery('library.list', { limit: firstRowCount }, { on: { 'library.changed': () => whole.value === undefined } });
  const firstShown = first.value !== undefined;
  useEffect(() => {
    if (!firstShown || painted) return;
    let mounted = true;
    void afterNextPaint().then(() => {
      if (mounted) setPainted(true);
    });
    return () => {
      mounted = false;
    };
  }, [firstShown, painted]);

  // Each whole answer is a new revision of the library.
  const [seen, setSeen] = useState({ list: whole.value, revision: 0 });
  if (seen.list !== whole.value) setSeen({ list: whole.value, revision: seen.revision + 1 });

  const list = whole.value;
  const firstList = first.value;
  const error = whole.error ?? (list ? null : first.error);
  const revision = seen.revision;
  // The rows of the last whole answer stand until the next whole answer replaces them.
  const known = list ?? firstList;
  return useMemo(
    () => ({
      materials: list?.materials,
      firstRows: firstList && { materials: firstList.materials, total: firstList.total },
      byId: new Map((list?.materials ?? []).map((material) => [material.id, material])),
      packs: new Map((known?.packs ?? []).map((pack) => [pack.id, pack])),
      facets: known?.facets ?? noFacets,
      error,
      revision,
    }),
    [list, firstList, known, error, revision],
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
 * The materials the filters leave, as the core narrows them (asked again with each revision
 * of the library); the whole library when there are no filters. Keeps showing the last
 * answer while the next one is on its way.
 */
export function useFilteredMaterials(filters: LibraryFilters, library: LibraryData): FilteredMaterials {
  const filtered = hasFilters(filters);
  const query = useQuery('library.list', filters, { enabled: filtered, scope: 'filtered', version: library.revision });
  if (!filtered) {
    const materials = library.materials ?? library.firstRows?.materials;
    return { materials, total: library.materials?.length ?? library.firstRows?.total, error: null };
  }
  return { materials: query.value?.materials, total: query.value?.materials.length, error: query.error };
}
