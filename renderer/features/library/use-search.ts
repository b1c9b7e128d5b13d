import { useEffect, useRef, useState } from 'react';
import type { ApiError, SearchHit } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import type { LibraryFilters } from './use-library';

/** The most hits asked for at once (the core's own limit). */
export const searchLimit = 200;
/** The longest query the core takes; a longer paste is cut to it rather than refused. */
export const maxQueryLength = 10_000;

type Answer =
  | {
      readonly key: string;
      readonly query: string;
      readonly hits: readonly SearchHit[];
      readonly total: number;
      readonly error?: undefined;
    }
  | { readonly key: string; readonly query: string; readonly error: ApiError };

export type SearchState =
  | { readonly phase: 'idle' }
  /** Asked, not yet answered; `last` is the previous answer, still shown meanwhile. */
  | { readonly phase: 'searching'; readonly query: string; readonly last: Answer | undefined }
  | { readonly phase: 'done'; readonly query: string; readonly hits: readonly SearchHit[]; readonly total: number }
  | { readonly phase: 'failed'; readonly query: string; readonly error: ApiError };

/**
 * Asks the core's offline search for `query` within the filters. Only the answer to the
 * latest question counts; an older one that arrives late is dropped.
 */
export function useSearch(query: string, filters: LibraryFilters, revision: number): SearchState {
  const { client } = useApi();
  const [answer, setAnswer] = useState<Answer>();
  const asked = useRef(0);
  const text = query.trim().slice(0, maxQueryLength);
  const filterKey = JSON.stringify(filters);
  const key = `${revision}\u0000${filterKey}\u0000${text}`;

  useEffect(() => {
    const ticket = ++asked.current;
    if (text === '') return;
    void client.call('library.search', { query: text, limit: searchLimit, ...(JSON.parse(filterKey) as LibraryFilters) }).then((result) => {
      if (ticket !== asked.current) return;
      setAnswer(
        result.ok ? { key, query: text, hits: result.value.hits, total: result.value.total } : { key, query: text, error: result.error },
      );
    });
  }, [client, text, filterKey, key]);

  if (text === '') return { phase: 'idle' };
  if (answer?.key !== key) return { phase: 'searching', query: text, last: answer };
  return answer.error
    ? { phase: 'failed', query: text, error: answer.error }
    : { phase: 'done', query: text, hits: answer.hits, total: answer.total };
}
