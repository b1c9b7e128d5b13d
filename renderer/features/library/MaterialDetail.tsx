import { ArrowLeft } from 'lucide-react';
import { useT } from '../../i18n/use-t';
import { AddToPlan } from './AddToPlan';
import { libraryHref } from './library-route';
import { MaterialView } from './material-view';
import type { LibraryData } from './use-library';

/** One material: the way back to the list, adding it to a plan, and the material itself. */
export function MaterialDetail({ library, packId, itemId }: { library: LibraryData; packId: string; itemId: string }) {
  const t = useT();
  const material = library.byId.get(`${packId}/${itemId}`);
  const pack = library.packs.get(packId);
  const back = (
    <a href={libraryHref({ view: 'browse' })} className="back-link" data-testid="back-to-library">
      <ArrowLeft aria-hidden="true" /> {t('library:detail.back')}
    </a>
  );
  if (!library.materials) return <p>{t('common:loading')}</p>;
  if (!material || !pack) {
    return (
      <div className="material-detail" data-testid="material-missing">
        {back}
        <h2 tabIndex={-1} className="view-heading">
          {t('library:detail.missingTitle')}
        </h2>
        <p>{t('library:detail.missing')}</p>
      </div>
    );
  }
  return (
    <div className="material-detail" data-testid="material-detail" data-material-id={material.id}>
      <div className="detail-bar">
        {back}
        <AddToPlan material={material} />
      </div>
      <MaterialView material={material} pack={pack} />
    </div>
  );
}
