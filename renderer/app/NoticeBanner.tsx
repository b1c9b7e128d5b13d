import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import { useMessage } from '../i18n/use-message';
import { useT } from '../i18n/use-t';
import { TriangleAlert } from 'lucide-react';
import type { Notice } from '../../electron/core/contract';

/**
 * Things the core had to do that the user must hear about: those of the start, then any it
 * posts later (a logbook month found damaged when first read). A new one shows the banner
 * again after it was dismissed.
 */
export function NoticeBanner({ initial }: { initial: readonly Notice[] }) {
  const t = useT();
  const describe = useMessage();
  const { client } = useApi();
  const [notices, setNotices] = useState(initial);
  const [dismissed, setDismissed] = useState(false);
  useEffect(
    () =>
      client.on('app.notice', (notice) => {
        setNotices((shown) => [...shown, notice]);
        setDismissed(false);
      }),
    [client],
  );
  if (dismissed || notices.length === 0) return null;
  return (
    <aside className="notice-banner" role="alert">
      <TriangleAlert aria-hidden="true" className="notice-icon" />
      <div>
        <strong>{t('common:notice.count', { count: notices.length })}</strong>
        <ul>
          {notices.map((notice) => (
            <li key={notice.id}>{describe(notice)}</li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={() => setDismissed(true)}>
        {t('common:notice.dismiss')}
      </button>
    </aside>
  );
}
