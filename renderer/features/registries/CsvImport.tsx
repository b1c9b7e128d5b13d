import { FileUp } from 'lucide-react';
import { useId, useState } from 'react';
import type { ApiError, ImportProblem, RegistryName } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';

type Outcome = { readonly imported: number } | { readonly problems: readonly ImportProblem[] } | { readonly error: ApiError };

/**
 * Adds or updates entries from a CSV file (Excel's "CSV UTF-8", with or without its BOM).
 * The core imports every row or none; when it refuses, each bad row is listed by its row
 * number in the spreadsheet and its column, so the person can fix the file and try again.
 */
export function CsvImport({ registry }: { registry: RegistryName }) {
  const t = useT();
  const describe = useMessage();
  const { client } = useApi();
  const inputId = useId();
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFile = async (file: File) => {
    setBusy(true);
    setOutcome(null);
    const uploaded = await client.upload(file);
    const imported = uploaded.ok ? await client.call('registry.import', { registry, uploadId: uploaded.value.uploadId }) : uploaded;
    setBusy(false);
    if (!imported.ok) setOutcome({ error: imported.error });
    else setOutcome(imported.value.problems.length > 0 ? { problems: imported.value.problems } : { imported: imported.value.imported });
  };

  return (
    <section className="import-panel registry-import" aria-labelledby={`${inputId}-title`} data-testid="registry-import">
      <h3 id={`${inputId}-title`}>{t('registries:csv.importTitle')}</h3>
      <p id={hintId} className="hint">
        {t('registries:csv.importHint')}
      </p>
      <label htmlFor={inputId} className="button">
        <FileUp aria-hidden="true" /> {t('registries:csv.choose')}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".csv,text/csv"
        aria-describedby={hintId}
        disabled={busy}
        data-testid="registry-import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {busy && <p role="status">{t('registries:csv.importing')}</p>}
      {outcome && 'imported' in outcome && (
        <p className="status-ok" role="status" data-testid="import-done">
          {t('registries:import.imported', { count: outcome.imported })}
        </p>
      )}
      {outcome && 'error' in outcome && (
        <p className="field-error" role="alert">
          {describe(outcome.error)}
        </p>
      )}
      {outcome && 'problems' in outcome && <ImportProblems problems={outcome.problems} />}
    </section>
  );
}

function ImportProblems({ problems }: { problems: readonly ImportProblem[] }) {
  const t = useT();
  const describe = useMessage();
  return (
    <div className="import-problems" role="alert" data-testid="import-problems">
      <p className="field-error">{t('registries:import.refused', { count: problems.length })}</p>
      <table className="registry-table">
        <thead>
          <tr>
            <th scope="col">{t('registries:csv.row')}</th>
            <th scope="col">{t('registries:csv.column')}</th>
            <th scope="col">{t('registries:csv.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((problem, index) => (
            <tr key={index} data-testid="import-problem">
              {/* Row 0 is the file as a whole; row 1 is the heading, as Excel numbers it. */}
              <td>{problem.row === 0 ? t('registries:csv.wholeFile') : problem.row}</td>
              <td>{problem.column ?? ''}</td>
              <td>{describe(problem)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
