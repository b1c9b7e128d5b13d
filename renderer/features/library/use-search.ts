import type { ApiError, SearchHit } from '../../../electron/core/contract';
import { useQuery } from '../../api/use-query';
import type { LibraryFilters } from './use-library';

/** The most hits asked for at once (the core's own limit). */
export const searchLimit = 200;
/** The longest query the core takes; a longer paste is cut to it rather than refused. */
export const maxQueryLength = 10_000;

export type SearchState =
  | { readonly phase: 'idle' }
  /** Asked, not yet answered; `last` is the previous answer's hits (none after a failure), still shown meanwhile. */
  | { readonly phase: 'searching'; readonly query: string; readonly last: readonly SearchHit[] | undefined }
  | { readonly phase: 'done'; readonly query: string; readonly hits: readonly SearchHit[]; readonly total: number }
  | { readonly phase: 'failed'; readonly query: string; readonly error: ApiError };

/**
 * Asks the core's offline search for `query` within the filters, and again (the hits staying
 * in view) when the library's revision changes. Only the answer to the latest question counts.
 */
export function useSearch(query: string, filters: LibraryFilters, revision: number): SearchState {
  const text = query.trim().slice(0, maxQueryLength);
  const search = useQuery(
    'library.search',
    { query: text, limit: searchLimit, ...filters },
    { enabled: text !== '', scope: 'search', version: revision },
  );
  if (text === '') return { phase: 'idle' };
  if (search.status === 'answered' && search.error) return { phase: 'failed', query: text, error: search.error };
  if (search.status === 'answered' && search.value)
    return { phase: 'done', query: text, hits: search.value.hits, total: search.value.total };
  return { phase: 'searching', query: text, last: search.error ? undefined : search.value?.hits };
}
