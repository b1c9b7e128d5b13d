import type { ListedMaterial, MaterialPack } from '../../../electron/core/contract';
import { formatDate } from '../../i18n/format';
import { i18next } from '../../i18n/i18n';
import { localized } from '../../i18n/use-localized';
import { useT } from '../../i18n/use-t';
import { TrustBadge } from '../packs/TrustBadge';

// Every row of a pack shows the same day; formatting it once per language spares the list
// thousands of date formatters while it scrolls.
const dates = new Map<string, string>();
function signedOn(iso: string): string {
  const key = `${i18next.language}|${iso}`;
  let text = dates.get(key);
  if (text === undefined) {
    text = formatDate(iso);
    dates.set(key, text);
  }
  return text;
}

/**
 * Where a material comes from, shown wherever it is: official or demo (or no longer
 * vouched for), the publisher, the pack and its version, the day it was signed, and
 * whether it has expired or been withdrawn.
 */
export function Provenance({ material, pack }: { material: ListedMaterial; pack: MaterialPack | undefined }) {
  const t = useT();
  if (!pack) {
    // A material is only listed with its pack; this is the moment between two answers.
    return <p className="provenance">{t('library:provenance.unknownPack', { id: material.packId })}</p>;
  }
  return (
    <p className="provenance">
      <TrustBadge pack={pack} />
      {pack.expired && <span className="badge badge-warn">{t('library:expired')}</span>}
      {material.withdrawn && (
        <span className="badge badge-danger" data-testid="material-withdrawn-badge">
          {t('library:withdrawn')}
        </span>
      )}
      <span className="provenance-text">
        {t('library:provenance.line', {
          publisher: localized(pack.publisher),
          pack: localized(pack.title),
          version: pack.version,
          date: signedOn(pack.publishedAt),
        })}
      </span>
    </p>
  );
}
