import { Trash, Usb } from 'lucide-react';
import { useState } from 'react';
import type { ApiError, PackSummary } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { formatBytes, formatDate } from '../../i18n/format';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { localized } from '../../i18n/use-localized';
import { TrustBadge } from './TrustBadge';

export function PackCard({ pack }: { pack: PackSummary }) {
  const t = useT();
  const describe = useMessage();
  const { client } = useApi();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const title = localized(pack.title);
  const show = (error: ApiError) => setStatus({ text: describe(error), error: true });

  const exportPack = async () => {
    const prepared = await client.call('packs.export', { id: pack.id });
    if (!prepared.ok) return show(prepared.error);
    const saved = await client.download(prepared.value.downloadId, prepared.value.fileName);
    if (!saved.ok) return show(saved.error);
    if (saved.value.saved) setStatus({ text: t('packs:exported', { fileName: prepared.value.fileName }), error: false });
  };

  const removePack = async () => {
    setConfirming(false);
    const removed = await client.call('packs.remove', { id: pack.id });
    if (!removed.ok) return show(removed.error);
  };

  return (
    <article className={`card pack-card${pack.official ? '' : ' pack-card-demo'}`} data-testid="pack-card" data-pack-id={pack.id}>
      <header className="pack-card-header">
        <h3>{title}</h3>
        <TrustBadge pack={pack} />
        {pack.expired && <span className="badge badge-warn">{t('packs:expired')}</span>}
        {pack.withdrawn && (
          <span className="badge badge-danger" data-testid="badge-withdrawn" title={pack.withdrawn.reason}>
            {t('packs:withdrawn')}
          </span>
        )}
        {pack.withdrawnItems.length > 0 && (
          <span className="badge badge-warn" data-testid="badge-withdrawn-items">
            {t('packs:withdrawnItems', { count: pack.withdrawnItems.length })}
          </span>
        )}
      </header>
      {pack.description && <p className="pack-description">{localized(pack.description)}</p>}
      <ul className="pack-facts">
        <li>{t('packs:version', { version: pack.version })}</li>
        <li>{t('packs:publisher', { name: localized(pack.publisher.name) })}</li>
        <li>{t('packs:signedBy', { name: localized(pack.root.name) })}</li>
        <li>{t('packs:published', { date: formatDate(pack.publishedAt) })}</li>
        <li>{t('packs:expires', { date: formatDate(pack.expiresAt) })}</li>
        <li>{t('packs:items', { count: pack.itemCount })}</li>
        <li>{t('packs:languages', { list: pack.languages.map((tag) => languageName(t, tag)).join(', ') })}</li>
        <li>{t('packs:disk', { size: formatBytes(pack.diskBytes), shared: formatBytes(pack.sharedBytes) })}</li>
      </ul>
      <div className="pack-actions">
        <button type="button" onClick={() => void exportPack()}>
          <Usb aria-hidden="true" /> {t('packs:export')}
        </button>
        {confirming ? (
          <span className="confirm" role="group">
            <span>{t('packs:confirmRemove', { title })}</span>
            <button type="button" className="danger" onClick={() => void removePack()}>
              {t('packs:remove')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('common:cancel')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            <Trash aria-hidden="true" /> {t('packs:remove')}
          </button>
        )}
      </div>
      {status && (
        <p className={status.error ? 'field-error' : 'status-ok'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </article>
  );
}

function languageName(t: ReturnType<typeof useT>, tag: string): string {
  const known = ['vi', 'en', 'rad', 'jra', 'cmo', 'mng'] as const;
  return (known as readonly string[]).includes(tag) ? t(`packs:language.${tag as (typeof known)[number]}`) : tag;
}
