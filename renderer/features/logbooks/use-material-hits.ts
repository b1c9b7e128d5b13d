import { useEffect, useRef, useState } from 'react';
import type { ApiError, SearchHit } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';

/** How long typing must pause before the library is asked. */
const debounceMs = 150;
const limit = 8;

export interface MaterialHits {
  readonly hits: readonly SearchHit[];
  readonly error: ApiError | null;
  /** The answer is for what is typed now (not one on its way). */
  readonly answered: boolean;
}

/** The library's materials matching what is typed (a leaflet picker asks for leaflets only). */
export function useMaterialHits(query: string, kind: 'leaflet' | undefined): MaterialHits {
  const { client } = useApi();
  const [answer, setAnswer] = useState<{ query: string; hits: readonly SearchHit[]; error: ApiError | null }>({
    query: '',
    hits: [],
    error: null,
  });
  const asked = useRef(0);
  const text = query.trim();

  useEffect(() => {
    const ticket = ++asked.current;
    if (text === '') return;
    const timer = setTimeout(() => {
      void client.call('library.search', { query: text, limit, ...(kind ? { kind } : {}) }).then((result) => {
        if (ticket === asked.current)
          setAnswer(result.ok ? { query: text, hits: result.value.hits, error: null } : { query: text, hits: [], error: result.error });
      });
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [client, text, kind]);

  if (text === '') return { hits: [], error: null, answered: false };
  // The last answer stays in view while the next is on its way.
  return { hits: answer.hits, error: answer.query === text ? answer.error : null, answered: answer.query === text };
}
