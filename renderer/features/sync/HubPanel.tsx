import { CloudDownload, RefreshCw, WifiOff } from 'lucide-react';
import { formatBytes, formatDate } from '../../i18n/format';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { localized } from '../../i18n/use-localized';
import { HubAddress } from './HubAddress';
import { SyncProgressBar } from './SyncProgressBar';
import { downloadable, useSync } from './use-sync';

/** Sync with the provincial hub: check, see what is new and its size, download, stop. */
export function HubPanel() {
  const t = useT();
  const describe = useMessage();
  const sync = useSync();
  const { status, check, phase, problem, run, catalogChanged } = sync;
  const toFetch = check ? downloadable(check.packs) : [];
  const totalDownload = toFetch.reduce((sum, pack) => sum + pack.downloadBytes, 0);
  const offline = problem?.messageKey === 'sync:failure.offline';

  return (
    <section className="card hub-panel" aria-labelledby="hub-title" data-testid="hub-panel">
      <h2 id="hub-title">{t('sync:hubTitle')}</h2>
      <p className="hint">{t('sync:hubHint')}</p>
      <HubAddress />
      <p className="hint" data-testid="catalog-status">
        {status?.catalog
          ? t('sync:lastCatalog', { version: status.catalog.version, date: formatDate(status.catalog.fetchedAt) })
          : t('sync:neverSynced')}
        {status?.catalog?.expired && ` ${t('sync:catalogExpiredKnown')}`}
      </p>
      <div className="pack-actions">
        <button type="button" onClick={sync.checkForUpdates} disabled={phase !== 'idle' || !status?.hubUrl}>
          <RefreshCw aria-hidden="true" /> {phase === 'checking' ? t('sync:checking') : t('sync:check')}
        </button>
        {toFetch.length > 0 && phase !== 'syncing' && (
          <button type="button" className="primary" onClick={() => sync.syncAll()}>
            <CloudDownload aria-hidden="true" /> {t('sync:syncAll', { size: formatBytes(totalDownload) })}
          </button>
        )}
        {phase === 'syncing' && (
          <button type="button" onClick={sync.cancel}>
            {t('sync:cancel')}
          </button>
        )}
      </div>
      {phase === 'syncing' && <SyncProgressBar progress={sync.progress} />}
      {problem && (
        <p className={offline ? 'notice-inline offline' : 'field-error'} role={offline ? 'status' : 'alert'} data-testid="sync-problem">
          {offline && <WifiOff aria-hidden="true" />} {describe(problem)}
        </p>
      )}
      {catalogChanged && (
        <p className="field-error" role="alert" data-testid="catalog-changed">
          {t('sync:catalogChanged')}
        </p>
      )}
      {check && check.catalog.status !== 'ok' && (
        <p className="field-error" role="alert" data-testid="catalog-warning">
          {t(`sync:catalog.${check.catalog.status}`, {
            version: check.catalog.version,
            known: check.catalog.knownVersion ?? '',
            date: formatDate(check.catalog.expiresAt),
          })}
        </p>
      )}
      {check && check.catalog.status === 'ok' && toFetch.length === 0 && !run && !catalogChanged && (
        <p className="status-ok">{t('sync:nothingNew')}</p>
      )}
      {check && check.packs.length > 0 && (
        <ul className="available-packs" data-testid="available-packs">
          {check.packs.map((pack) => (
            <li key={pack.id} data-state={pack.state}>
              <strong>{localized(pack.title)}</strong> ·{' '}
              {t(`sync:state.${pack.state}`, { version: pack.version, installed: pack.installedVersion ?? '' })}
              {(pack.state === 'new' || pack.state === 'update') && (
                <span className="hint">
                  {' '}
                  · {t('sync:download', { size: formatBytes(pack.downloadBytes), total: formatBytes(pack.totalBytes) })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {run && (
        <ul className="sync-results" data-testid="sync-results">
          {run.cancelled && <li className="hint">{t('sync:cancelled')}</li>}
          {run.results.map((result) => (
            <li key={result.id} className={result.status === 'failed' ? 'field-error' : 'status-ok'}>
              {result.failure
                ? describe(result.failure)
                : t(`sync:result.${result.status as 'installed'}`, { title: result.title, version: result.version })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
