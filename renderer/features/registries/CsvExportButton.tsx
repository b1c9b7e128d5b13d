import { FileDown } from 'lucide-react';
import { useState } from 'react';
import type { RegistryName } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';

/** Saves the registry as a CSV file that Excel opens with its Vietnamese intact. */
export function CsvExportButton({ registry }: { registry: RegistryName }) {
  const t = useT();
  const describe = useMessage();
  const { client } = useApi();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const exportCsv = async () => {
    setStatus(null);
    const prepared = await client.call('registry.export', { registry });
    if (!prepared.ok) return setStatus({ text: describe(prepared.error), error: true });
    const saved = await client.download(prepared.value.downloadId, prepared.value.fileName);
    if (!saved.ok) return setStatus({ text: describe(saved.error), error: true });
    if (saved.value.saved) setStatus({ text: t('registries:csv.exported', { fileName: prepared.value.fileName }), error: false });
  };

  return (
    <>
      <button type="button" onClick={() => void exportCsv()} data-testid="registry-export">
        <FileDown aria-hidden="true" /> {t('registries:csv.export')}
      </button>
      {status && (
        <p className={status.error ? 'field-error' : 'status-ok'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </>
  );
}
