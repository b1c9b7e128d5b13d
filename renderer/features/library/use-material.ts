import { useEffect, useRef, useState } from 'react';
import type { ApiError, Material, MaterialPack } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';

export type MaterialState =
  | { readonly status: 'loading' }
  /** No installed pack holds it (removed, or updated without it). */
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly error: ApiError }
  | { readonly status: 'ready'; readonly material: Material; readonly pack: MaterialPack };

/**
 * One material whole (its files, summary, source and licence, which the list leaves out), asked
 * of the core when it is opened, and again whenever the library changes (a pack withdrawn).
 */
export function useMaterial(id: string): MaterialState {
  const { client } = useApi();
  const [answer, setAnswer] = useState<{ id: string; state: MaterialState } | undefined>();
  const asked = useRef(0);

  useEffect(() => {
    const load = () => {
      const ticket = ++asked.current;
      void client.call('library.material', { id }).then((result) => {
        if (ticket !== asked.current) return;
        const state: MaterialState = result.ok
          ? { status: 'ready', ...result.value }
          : result.error.code === 'not_found'
            ? { status: 'missing' }
            : { status: 'failed', error: result.error };
        setAnswer({ id, state });
      });
    };
    load();
    const unsubscribe = client.on('library.changed', load);
    return () => {
      // An answer still on its way is for a material no longer shown.
      asked.current += 1;
      unsubscribe();
    };
  }, [client, id]);

  // Another material shows "loading" at once; the same one keeps its view while asked again.
  return answer?.id === id ? answer.state : { status: 'loading' };
}
