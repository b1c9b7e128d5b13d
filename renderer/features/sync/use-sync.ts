import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ApiOutput, AvailablePack, EventPayload } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';

type Status = ApiOutput<'sync.status'>;
type Check = ApiOutput<'sync.check'>;
type Run = ApiOutput<'sync.run'>;

export interface SyncState {
  readonly status: Status | undefined;
  readonly check: Check | undefined;
  readonly phase: 'idle' | 'checking' | 'syncing';
  readonly progress: EventPayload<'sync.progress'> | null;
  readonly run: Run | undefined;
  readonly problem: ApiError | null;
  readonly checkForUpdates: () => void;
  readonly syncAll: (ids?: readonly string[]) => void;
  readonly cancel: () => void;
}

/** The hub, as the Sync place sees it: what it offers, what is downloading, what went wrong. */
export function useSync(): SyncState {
  const { client } = useApi();
  const [status, setStatus] = useState<Status>();
  const [check, setCheck] = useState<Check>();
  const [phase, setPhase] = useState<SyncState['phase']>('idle');
  const [progress, setProgress] = useState<EventPayload<'sync.progress'> | null>(null);
  const [run, setRun] = useState<Run>();
  const [problem, setProblem] = useState<ApiError | null>(null);

  const loadStatus = useCallback(() => {
    void client.call('sync.status', {}).then((result) => result.ok && setStatus(result.value));
  }, [client]);

  useEffect(() => {
    loadStatus();
    const offChanged = client.on('sync.changed', loadStatus);
    const offSettings = client.on('settings.changed', loadStatus);
    const offProgress = client.on('sync.progress', setProgress);
    return () => {
      offChanged();
      offSettings();
      offProgress();
    };
  }, [client, loadStatus]);

  const checkForUpdates = useCallback(() => {
    setPhase('checking');
    setProblem(null);
    setRun(undefined);
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
      void client.call('sync.run', ids ? { ids: [...ids] } : {}).then((result) => {
        setPhase('idle');
        setProgress(null);
        if (result.ok) {
          setRun(result.value);
          // What is on the hub changed relative to this laptop: ask again for the fresh view.
          void client.call('sync.check', {}).then((again) => again.ok && setCheck(again.value));
        } else setProblem(result.error);
      });
    },
    [client],
  );

  const cancel = useCallback(() => void client.call('sync.cancel', {}), [client]);

  return { status, check, phase, progress, run, problem, checkForUpdates, syncAll, cancel };
}

export const downloadable = (packs: readonly AvailablePack[]) => packs.filter((pack) => pack.state === 'new' || pack.state === 'update');
