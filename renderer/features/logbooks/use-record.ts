import { useCallback, useEffect, useState } from 'react';
import type { ApiError, LogbookKind, LogRecord } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';

export interface RecordState {
  readonly record: LogRecord | undefined;
  readonly error: ApiError | null;
  /** Shows a state the core just returned (after a save or a withdrawal) without asking again. */
  readonly show: (record: LogRecord) => void;
}

/** One record, kept current when it is saved or withdrawn (here or in another window). */
export function useRecord(kind: LogbookKind, id: string, month: string): RecordState {
  const { client } = useApi();
  const [state, setState] = useState<{ id: string; record: LogRecord | undefined; error: ApiError | null }>({
    id,
    record: undefined,
    error: null,
  });

  const reload = useCallback(() => {
    void client.call('logbook.get', { kind, id, month }).then((result) => {
      setState((current) =>
        result.ok
          ? { id, record: result.value, error: null }
          : { id, record: current.id === id ? current.record : undefined, error: result.error },
      );
    });
  }, [client, kind, id, month]);

  useEffect(() => {
    reload();
    const offChanged = client.on('logbook.changed', (event) => event.id === id && reload());
    const offProfiles = client.on('profiles.changed', reload);
    return () => {
      offChanged();
      offProfiles();
    };
  }, [client, id, reload]);

  const show = useCallback((record: LogRecord) => setState({ id: record.id, record, error: null }), []);
  return state.id === id ? { record: state.record, error: state.error, show } : { record: undefined, error: null, show };
}
