import type { EventPayload } from '../../../electron/core/contract';
import { formatBytes } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

/** Bytes, files, speed and time left: what a person on a slow connection wants to know. */
export function SyncProgressBar({ progress }: { progress: EventPayload<'sync.progress'> | null }) {
  const t = useT();
  if (!progress) return <progress className="sync-progress" aria-label={t('sync:checking')} />;
  const left =
    progress.secondsLeft === null
      ? ''
      : ` · ${t('sync:timeLeft', { time: progress.secondsLeft >= 120 ? t('sync:minutes', { count: Math.round(progress.secondsLeft / 60) }) : t('sync:seconds', { count: progress.secondsLeft }) })}`;
  return (
    <div className="sync-progress" role="status" data-testid="sync-progress">
      <progress max={progress.totalBytes || 1} value={progress.doneBytes} />
      <p className="hint">
        {t('sync:progress', {
          title: progress.title,
          done: formatBytes(progress.doneBytes),
          total: formatBytes(progress.totalBytes),
          files: progress.doneFiles,
          totalFiles: progress.totalFiles,
          speed: formatBytes(progress.bytesPerSecond),
        })}
        {left}
      </p>
    </div>
  );
}
