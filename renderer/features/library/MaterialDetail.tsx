import { ArrowLeft, MonitorPlay } from 'lucide-react';
import { useLayoutEffect } from 'react';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { presentHref } from '../present/present-route';
import { AddToPlan } from './AddToPlan';
import { libraryHref } from './library-route';
import { MaterialView } from './material-view';
import { useMaterial } from './use-material';
import { focusViewHeading } from './view-focus';

/** One material: the way back to the list, adding it to a plan, and the material itself. */
export function MaterialDetail({ packId, itemId }: { packId: string; itemId: string }) {
  const t = useT();
  const describe = useMessage();
  const id = `${packId}/${itemId}`;
  const state = useMaterial(id);
  // The material arrives after its view opened: the focus goes to its heading then.
  const shown = state.status !== 'loading';
  useLayoutEffect(() => {
    if (shown) focusViewHeading();
  }, [shown, id]);
  const back = (
    <a href={libraryHref({ view: 'browse' })} className="back-link" data-testid="back-to-library">
      <ArrowLeft aria-hidden="true" /> {t('library:detail.back')}
    </a>
  );
  switch (state.status) {
    case 'loading':
      return <p>{t('common:loading')}</p>;
    case 'ready':
      return (
        <div className="material-detail" data-testid="material-detail" data-material-id={state.material.id}>
          <div className="detail-bar">
            {back}
            <a
              className="button-link"
              href={presentHref({ kind: 'material', materialId: state.material.id })}
              data-testid="present-material"
            >
              <MonitorPlay aria-hidden="true" /> {t('library:plans.present')}
            </a>
            <AddToPlan material={state.material} />
          </div>
          <MaterialView material={state.material} pack={state.pack} />
        </div>
      );
    case 'missing':
    case 'failed':
      return (
        <div className="material-detail" data-testid="material-missing">
          {back}
          <h2 tabIndex={-1} className="view-heading">
            {t('library:detail.missingTitle')}
          </h2>
          {state.status === 'missing' ? (
            <p>{t('library:detail.missing')}</p>
          ) : (
            <p className="field-error" role="alert">
              {describe(state.error)}
            </p>
          )}
        </div>
      );
  }
}
