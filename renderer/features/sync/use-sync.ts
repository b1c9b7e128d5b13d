import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ApiOutput, AvailablePack, EventPayload } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';

type Status = ApiOutput<'sync.status'>;
type Check = ApiOutput<'sync.check'>;
/** What a finished (or stopped) run says of each pack. */
type Run = Omit<Extract<ApiOutput<'sync.run'>, { outcome: 'synced' }>, 'outcome' | 'check'>;

export interface SyncState {
  readonly status: Status | undefined;
  readonly check: Check | undefined;
  readonly phase: 'idle' | 'checking' | 'syncing';
  readonly progress: EventPayload<'sync.progress'> | null;
  readonly run: Run | undefined;
  /** The run found the hub's catalog changed since the check shown: `check` is the new one. */
  readonly catalogChanged: boolean;
  readonly problem: ApiError | null;
  readonly checkForUpdates: () => void;
  readonly syncAll: (ids?: readonly string[]) => void;
  readonly cancel: () => void;
}

/** The hub, as the Sync place sees it: what it offers, what is downloading, what went wrong. */
export function useSync(): SyncState {
  const { client } = useApi();
  const status = useQuery('sync.status', {}, { on: { 'sync.changed': true, 'settings.changed': true } }).value;
  const [check, setCheck] = useState<Check>();
  const [phase, setPhase] = useState<SyncState['phase']>('idle');
  const [progress, setProgress] = useState<EventPayload<'sync.progress'> | null>(null);
  const [run, setRun] = useState<Run>();
  const [catalogChanged, setCatalogChanged] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);

  useEffect(() => client.on('sync.progress', setProgress), [client]);

  const checkForUpdates = useCallback(() => {
    setPhase('checking');
    setProblem(null);
    setRun(undefined);
    setCatalogChanged(false);
    void client.call('sync.check', {}).then((result) => {
      setPhase('idle');
      // A failed check says nothing about the hub any more: do not keep showing the last one.
      setCheck(result.ok ? result.value : undefined);
      if (!result.ok) setProblem(result.error);
    });
  }, [client]);

  const syncAll = useCallback(
    (ids?: readonly string[]) => {
      setPhase('syncing');
      setProblem(null);
      setProgress(null);
      setCatalogChanged(false);
      // The check shown: the run installs from that catalog or, if the hub's changed since, from none.
      const input = { ...(ids ? { ids: [...ids] } : {}), ...(check ? { catalogSha256: check.catalogSha256 } : {}) };
      void client.call('sync.run', input).then((result) => {
        setPhase('idle');
        setProgress(null);
        if (!result.ok) return setProblem(result.error);
        // The run answers with what the hub offers now: no need to ask it again.
        setCheck(result.value.check);
        if (result.value.outcome === 'catalogChanged') {
          setRun(undefined);
          setCatalogChanged(true);
        } else setRun({ cancelled: result.value.cancelled, results: result.value.results });
      });
    },
    [client, check],
  );

  const cancel = useCallback(() => void client.call('sync.cancel', {}), [client]);

  return { status, check, phase, progress, run, catalogChanged, problem, checkForUpdates, syncAll, cancel };
}

export const downloadable = (packs: readonly AvailablePack[]) => packs.filter((pack) => pack.state === 'new' || pack.state === 'update');
