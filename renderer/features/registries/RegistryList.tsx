import { Plus } from 'lucide-react';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { RegistryName } from '../../../electron/core/contract';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { CsvExportButton } from './CsvExportButton';
import { CsvImport } from './CsvImport';
import { listColumns, searchText } from './entry-view';
import { entryName } from '../../../shared/registry-entry';
import { matchesQuery } from '../../../shared/search-folding';
import { registryHref } from './registries-route';
import { useRegistry } from './use-registry';
import { useVillageNames } from './use-village-names';

/** One registry as a searchable table, with adding, CSV import and CSV export. */
export function RegistryList({ registry, done }: { registry: RegistryName; done: string | null }) {
  const t = useT();
  const describe = useMessage();
  const searchId = useId();
  const { entries, error } = useRegistry(registry);
  const villageName = useVillageNames();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const columns = useMemo(() => listColumns(registry, t, villageName), [registry, t, villageName]);
  const shown = useMemo(
    () => entries?.filter((entry) => deferredQuery.trim() === '' || matchesQuery(searchText(entry, columns), deferredQuery)),
    [entries, columns, deferredQuery],
  );

  return (
    <section className="registry-list" aria-labelledby="registry-heading">
      <h2 id="registry-heading">{t(`registries:registry.${registry}`)}</h2>
      <p className="hint">{t(`registries:intro.${registry}`)}</p>
      {done && (
        <p className="status-ok" role="status" data-testid="registry-done">
          {done}
        </p>
      )}
      <div className="registry-toolbar">
        <div className="registry-search" role="search">
          <label htmlFor={searchId}>{t('registries:list.search')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('registries:list.searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            data-testid="registry-search"
          />
        </div>
        <div className="registry-actions">
          <a className="button-link primary" href={registryHref({ registry, view: 'new' })} data-testid="registry-add">
            <Plus aria-hidden="true" /> {t(`registries:list.add.${registry}`)}
          </a>
          <CsvExportButton registry={registry} />
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {describe(error)}
        </p>
      )}
      {!entries && !error && <p>{t('common:loading')}</p>}
      {entries?.length === 0 && (
        <p className="registry-empty" data-testid="registry-empty">
          {t(`registries:list.empty.${registry}`)}
        </p>
      )}
      {shown && entries && entries.length > 0 && (
        <>
          <p className="hint" aria-live="polite" data-testid="registry-count">
            {deferredQuery.trim() === ''
              ? t('registries:list.count', { count: entries.length })
              : t('registries:list.matching', { count: shown.length, total: entries.length })}
          </p>
          {shown.length > 0 && (
            <div className="registry-table-wrap">
              <table className="registry-table" data-testid="registry-table">
                <thead>
                  <tr>
                    <th scope="col">{t(`registries:list.name.${registry}`)}</th>
                    {columns.map((column) => (
                      <th key={column.key} scope="col">
                        {column.heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {shown.map((entry) => (
                    <tr key={entry.id} data-testid="registry-row" data-entry-id={entry.id}>
                      <th scope="row">
                        <a href={registryHref({ registry, view: 'edit', id: entry.id })}>{entryName(entry)}</a>
                      </th>
                      {columns.map((column) => (
                        <td key={column.key}>{column.cell(entry)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <CsvImport registry={registry} />
    </section>
  );
}
