import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ApiInput, ApiOutput, LogbookKind } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';

export type ListFilters = Omit<ApiInput<'logbook.list'>, 'kind'>;
type Answer = ApiOutput<'logbook.list'>;

export interface RecordsState {
  /** Undefined until the core first answers; the last answer stays while the next is asked. */
  readonly answer: Answer | undefined;
  readonly error: ApiError | null;
}

/**
 * A logbook's records within the filters, newest first, as the core narrows them. Asked
 * again when a record of this logbook changes, and when someone unlocks the app (a list
 * is refused while it is locked). Only the answer to the latest question counts.
 */
export function useRecords(kind: LogbookKind, filters: ListFilters): RecordsState {
  const { client } = useApi();
  const [state, setState] = useState<RecordsState & { kind: LogbookKind }>({ kind, answer: undefined, error: null });
  const key = JSON.stringify({ kind, ...filters });
  const asked = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++asked.current;
    void client.call('logbook.list', JSON.parse(key) as ApiInput<'logbook.list'>).then((result) => {
      if (ticket !== asked.current) return;
      const { kind: asking } = JSON.parse(key) as { kind: LogbookKind };
      setState((current) =>
        result.ok
          ? { kind: asking, answer: result.value, error: null }
          : { kind: asking, answer: current.kind === asking ? current.answer : undefined, error: result.error },
      );
    });
  }, [client, key]);

  useEffect(() => {
    reload();
    const offChanged = client.on('logbook.changed', (event) => event.kind === kind && reload());
    const offProfiles = client.on('profiles.changed', reload);
    return () => {
      offChanged();
      offProfiles();
    };
  }, [client, kind, reload]);

  // Another logbook's answer is not this one's.
  return state.kind === kind ? state : { answer: undefined, error: null };
}
