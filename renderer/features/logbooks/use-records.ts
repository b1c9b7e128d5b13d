import type { ApiError, ApiInput, ApiOutput, LogbookKind } from '../../../electron/core/contract';
import { useQuery } from '../../api/use-query';

export type ListFilters = Omit<ApiInput<'logbook.list'>, 'kind'>;

export interface RecordsState {
  /** Undefined until the core first answers; the last answer stays while the next is asked. */
  readonly answer: ApiOutput<'logbook.list'> | undefined;
  readonly error: ApiError | null;
}

/**
 * A logbook's records within the filters, newest first, as the core narrows them; asked
 * again when a record of this logbook changes. While the filters change the last answer
 * stays in view; another logbook's is never shown.
 */
export function useRecords(kind: LogbookKind, filters: ListFilters): RecordsState {
  const { value, error } = useQuery(
    'logbook.list',
    { kind, ...filters },
    { on: { 'logbook.changed': (event) => event.kind === kind }, scope: kind },
  );
  return { answer: value, error };
}
