import type { ApiError, Material, MaterialPack } from '../../../electron/core/contract';
import { useQuery } from '../../api/use-query';

export type MaterialState =
  | { readonly status: 'loading' }
  /** No installed pack holds it (removed, or updated without it). */
  | { readonly status: 'missing' }
  | { readonly status: 'failed'; readonly error: ApiError }
  | { readonly status: 'ready'; readonly material: Material; readonly pack: MaterialPack };

/**
 * One material whole (its files, summary, source and licence, which the list leaves out), asked
 * of the core when it is opened, and again whenever the library changes (a pack withdrawn).
 * Another material shows "loading" at once; the same one keeps its view while asked again.
 */
export function useMaterial(id: string): MaterialState {
  const query = useQuery('library.material', { id }, { on: { 'library.changed': true } });
  if (query.status !== 'answered') return { status: 'loading' };
  if (query.error) return query.error.code === 'not_found' ? { status: 'missing' } : { status: 'failed', error: query.error };
  return query.value ? { status: 'ready', ...query.value } : { status: 'loading' };
}
