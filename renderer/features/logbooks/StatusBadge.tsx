import type { RecordStatus } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';

const tone: Record<RecordStatus, string> = { draft: 'badge-warn', final: 'badge-official', withdrawn: 'badge-danger' };

/** A record's status in words, coloured so a month's drafts and withdrawals stand out. */
export function StatusBadge({ status }: { status: RecordStatus }) {
  const t = useT();
  return (
    <span className={`badge ${tone[status]}`} data-testid="status-badge">
      {t(`logbooks:status.${status}`)}
    </span>
  );
}
