import { FileWarning, ShieldAlert } from 'lucide-react';
import { useT } from '../../i18n/use-t';
import type { FileProblem } from './use-file-check';
import type { MaterialKind } from './variants';

export type NoticeReason = FileProblem | 'password' | 'tooLarge' | 'noFile';

/** Said in place of a file that cannot be shown; the rest of the view and of the app go on. */
export function FileNotice({
  reason,
  path,
  kind,
  mediaType,
}: {
  reason: NoticeReason;
  path: string;
  kind: MaterialKind;
  mediaType?: string;
}) {
  const t = useT();
  const text = (() => {
    switch (reason) {
      case 'missing':
        return t('viewer:notice.missing', { path });
      case 'damaged':
        return t('viewer:notice.damaged', { path });
      case 'unreadable':
        return t('viewer:notice.unreadable', { path });
      case 'password':
        return t('viewer:notice.password', { path });
      case 'tooLarge':
        return t('viewer:notice.tooLarge', { path });
      case 'noFile':
        return t('viewer:notice.noFile');
      case 'unsupported':
        return t(`viewer:notice.unsupported.${kind}`, { path, type: mediaType ?? '' });
    }
  })();
  const Icon = reason === 'damaged' ? ShieldAlert : FileWarning;
  return (
    <p className={`material-notice material-notice-${reason}`} role="alert" data-testid="material-notice" data-reason={reason}>
      <Icon aria-hidden="true" />
      <span>{text}</span>
    </p>
  );
}
