import type { ApiError, LogbookKind, LogRecord } from '../../../electron/core/contract';
import { useQuery } from '../../api/use-query';

export interface RecordState {
  readonly record: LogRecord | undefined;
  readonly error: ApiError | null;
  /** Shows a state the core just returned (after a save or a withdrawal) without asking again. */
  readonly show: (record: LogRecord) => void;
}

/**
 * One record, kept current when it is saved or withdrawn (here or in another window). Its
 * last state stays in view when it is asked for under another month (it was moved to one).
 */
export function useRecord(kind: LogbookKind, id: string, month: string): RecordState {
  const { value, error, show } = useQuery(
    'logbook.get',
    { kind, id, month },
    { on: { 'logbook.changed': (event) => event.id === id }, scope: id },
  );
  return { record: value, error, show };
}
