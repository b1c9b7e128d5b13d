import { Ban, Clock } from 'lucide-react';
import type { Material, MaterialPack } from '../../../electron/core/contract';
import { formatDate } from '../../i18n/format';
import { resolveUiLanguage } from '../../../locales';
import { i18next } from '../../i18n/i18n';
import { localized } from '../../i18n/use-localized';
import { useT } from '../../i18n/use-t';
import { TrustBadge } from '../packs/TrustBadge';
import { pickedLanguage } from './variants';

/** A material's title, where it comes from and whether it may still be used. */
export function MaterialHeader({ material, pack, titleId }: { material: Material; pack: MaterialPack; titleId: string }) {
  const t = useT();
  const ui = resolveUiLanguage(i18next.language);
  const withdrawn = material.withdrawn || pack.withdrawn;
  return (
    <header className="material-header">
      <h2 id={titleId} lang={pickedLanguage(material.title, ui)} data-testid="material-title">
        {localized(material.title)}
      </h2>
      {withdrawn && (
        <div className="material-withdrawn" role="alert" data-testid="material-withdrawn">
          <Ban aria-hidden="true" />
          <div>
            <strong>{t(pack.withdrawn ? 'viewer:withdrawn.packTitle' : 'viewer:withdrawn.title')}</strong>
            <p>{t('viewer:withdrawn.body')}</p>
          </div>
        </div>
      )}
      <div className="material-provenance" data-testid="material-provenance">
        <TrustBadge pack={pack} />
        {pack.expired && (
          <span className="badge badge-warn" data-testid="material-expired">
            <Clock aria-hidden="true" />
            {t('viewer:expired')}
          </span>
        )}
        <span>{t('viewer:provenance.publisher', { name: localized(pack.publisher) })}</span>
        <span lang={pickedLanguage(pack.title, ui)}>
          {t('viewer:provenance.pack', { title: localized(pack.title), version: pack.version })}
        </span>
        <span>{t('viewer:provenance.signed', { date: formatDate(pack.publishedAt) })}</span>
      </div>
      {pack.expired && <p className="material-caution">{t('viewer:expiredHint')}</p>}
      {material.summary && (
        <p className="material-summary" lang={pickedLanguage(material.summary, ui)}>
          {localized(material.summary)}
        </p>
      )}
    </header>
  );
}

/** Where the content comes from and under which terms, as the publisher wrote it. */
export function MaterialSource({ material }: { material: Material }) {
  const t = useT();
  if (!material.source && !material.license) return null;
  return (
    <footer className="material-source" data-testid="material-source">
      {material.source && <p>{t('viewer:source', { text: material.source })}</p>}
      {material.license && <p>{t('viewer:license', { text: material.license })}</p>}
    </footer>
  );
}
