import { FileUp } from 'lucide-react';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { EventPayload } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { formatBytes } from '../../i18n/format';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';

type Progress = EventPayload<'packs.importProgress'>;
type Outcome = { readonly text: string; readonly error: boolean };

/** Installs packs from files: chosen with the picker, or dropped from a USB stick. */
export function ImportPanel() {
  const t = useT();
  const describe = useMessage();
  const { client } = useApi();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [dragging, setDragging] = useState(false);

  useEffect(() => client.on('packs.importProgress', setProgress), [client]);

  const importFiles = async (files: readonly File[]) => {
    const results: Outcome[] = [];
    for (const file of files) {
      setBusy(file.name);
      setProgress(null);
      const uploaded = await client.upload(file);
      if (!uploaded.ok) {
        results.push({ text: describe(uploaded.error), error: true });
        continue;
      }
      const imported = await client.call('packs.import', { uploadId: uploaded.value.uploadId });
      results.push(
        imported.ok
          ? {
              text: t(`packs:outcome.${imported.value.status}`, { title: imported.value.title, version: imported.value.version }),
              error: false,
            }
          : { text: describe(imported.error), error: true },
      );
    }
    setBusy(null);
    setProgress(null);
    setOutcomes(results);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void importFiles([...event.dataTransfer.files]);
  };

  return (
    <section
      className={`import-panel${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => (event.preventDefault(), setDragging(true))}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="import-panel"
    >
      <h3>{t('packs:importTitle')}</h3>
      <p className="hint">{dragging ? t('packs:dropHere') : t('packs:importHint')}</p>
      <label htmlFor={inputId} className="button">
        <FileUp aria-hidden="true" /> {t('packs:chooseFile')}
      </label>
      <input
        ref={input}
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".chieng"
        multiple
        disabled={busy !== null}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void importFiles(files);
        }}
      />
      {busy && (
        <div className="import-progress" role="status">
          <p>{t('packs:importing', { label: busy })}</p>
          {progress && progress.totalBytes > 0 && (
            <>
              <progress max={progress.totalBytes} value={progress.doneBytes} />
              <p className="hint">
                {t('packs:progress', {
                  done: formatBytes(progress.doneBytes),
                  total: formatBytes(progress.totalBytes),
                  files: progress.doneFiles,
                  totalFiles: progress.totalFiles,
                })}
              </p>
            </>
          )}
        </div>
      )}
      {outcomes.map((outcome, index) => (
        <p
          key={index}
          className={outcome.error ? 'field-error' : 'status-ok'}
          role={outcome.error ? 'alert' : 'status'}
          data-testid="import-outcome"
        >
          {outcome.text}
        </p>
      ))}
    </section>
  );
}
