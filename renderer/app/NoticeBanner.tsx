import { useState } from 'react';
import { useMessage } from '../i18n/use-message';
import { useT } from '../i18n/use-t';
import { TriangleAlert } from 'lucide-react';
import type { Notice } from '../../electron/core/contract';

/** Things the core had to do at start that the user must hear about. */
export function NoticeBanner({ notices }: { notices: readonly Notice[] }) {
  const t = useT();
  const describe = useMessage();
  const [dismissed, setDismissed] = useState(false);
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
