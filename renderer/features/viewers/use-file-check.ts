import { useCallback, useRef } from 'react';
import type { ApiOutput, Result } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';

/** Why a file of a material cannot be shown. */
export type FileProblem =
  /** Not on this machine any more. */
  | 'missing'
  /** There, but its bytes do not match the signed hash: never shown. */
  | 'damaged'
  /** There and whole, but this runtime cannot decode or play it. */
  | 'unsupported'
  /** The check itself failed (the core is unreachable, say). */
  | 'unreadable';

/**
 * Asks the core which of a material's files are missing or damaged, once per material for as
 * long as the view lives, and says which problem a file that failed to load has.
 */
export function useFileCheck(materialId: string): (path: string) => Promise<FileProblem> {
  const { client } = useApi();
  const pending = useRef<{ id: string; answer: Promise<Result<ApiOutput<'library.check'>>> } | null>(null);
  return useCallback(
    async (path: string) => {
      if (pending.current?.id !== materialId)
        pending.current = { id: materialId, answer: client.call('library.check', { id: materialId }) };
      const result = await pending.current.answer;
      if (!result.ok) {
        // A failed check is not remembered: the next failure asks again.
        pending.current = null;
        return 'unreadable';
      }
      if (result.value.missing.includes(path)) return 'missing';
      if (result.value.damaged.includes(path)) return 'damaged';
      return 'unsupported';
    },
    [client, materialId],
  );
}
