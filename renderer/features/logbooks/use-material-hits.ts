import { useEffect, useState } from 'react';
import type { ApiError, SearchHit } from '../../../electron/core/contract';
import { useQuery } from '../../api/use-query';

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
  const text = query.trim();
  const [asked, setAsked] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text]);

  // One scope for every text: the last hits stay in view while the next are on their way.
  const search = useQuery('library.search', { query: asked, limit, ...(kind ? { kind } : {}) }, { enabled: asked !== '', scope: 'hits' });
  if (text === '') return { hits: [], error: null, answered: false };
  const answered = asked === text && search.status === 'answered';
  if (search.error) return { hits: [], error: answered ? search.error : null, answered };
  return { hits: search.value?.hits ?? [], error: null, answered };
}
