import { useEffect, type RefObject } from 'react';
import type { Material } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { useFileCheck } from './use-file-check';

/** An image inside an article or a leaflet that fails to load gives way to a notice saying why. */
export function useBrokenImageNotices(holder: RefObject<HTMLDivElement | null>, material: Material) {
  const t = useT();
  const check = useFileCheck(material.id);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const onError = (event: Event) => {
      const image = event.target;
      if (!(image instanceof HTMLImageElement)) return;
      const path = image.dataset.packPath ?? '';
      void check(path).then((problem) => {
        const notice = document.createElement('span');
        notice.className = 'material-notice material-notice-inline';
        notice.setAttribute('role', 'alert');
        notice.dataset.testid = 'material-notice';
        notice.dataset.reason = problem;
        notice.textContent =
          problem === 'missing'
            ? t('viewer:notice.missing', { path })
            : problem === 'damaged'
              ? t('viewer:notice.damaged', { path })
              : t('viewer:notice.unsupported.image', { path });
        image.replaceWith(notice);
      });
    };
    // Image errors do not bubble: listen while they go down.
    element.addEventListener('error', onError, true);
    return () => element.removeEventListener('error', onError, true);
  }, [holder, check, t]);
}
