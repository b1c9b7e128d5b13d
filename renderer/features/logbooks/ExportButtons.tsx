import { FileDown } from 'lucide-react';
import { useState } from 'react';
import type { LogbookKind } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import type { ListFilters } from './use-records';

type Status = { readonly text: string; readonly error: boolean };

/** Saves the records the list shows (same filters) as CSV for Excel, or JSON whole. */
export function ExportButtons({ kind, filters }: { kind: LogbookKind; filters: ListFilters }) {
  const t = useT();
  const describe = useMessage();
  const { client } = useApi();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const exportAs = async (format: 'csv' | 'json') => {
    setBusy(true);
    setStatus(null);
    const prepared = await client.call('logbook.export', { kind, ...filters, format });
    const saved = prepared.ok ? await client.download(prepared.value.downloadId, prepared.value.fileName) : prepared;
    setBusy(false);
    if (!saved.ok) return setStatus({ text: describe(saved.error), error: true });
    if (prepared.ok && saved.value.saved)
      setStatus({ text: t('logbooks:export.done', { count: prepared.value.count, fileName: prepared.value.fileName }), error: false });
  };

  return (
    <div className="export-buttons">
      <button type="button" disabled={busy} onClick={() => void exportAs('csv')} data-testid="export-csv">
        <FileDown aria-hidden="true" /> {t('logbooks:export.csv')}
      </button>
      <button type="button" disabled={busy} onClick={() => void exportAs('json')} data-testid="export-json">
        <FileDown aria-hidden="true" /> {t('logbooks:export.json')}
      </button>
      {status && (
        <p className={status.error ? 'field-error' : 'status-ok'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
