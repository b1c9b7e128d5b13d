import { FilterX } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import type { LogbookKind } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { entryName } from '../../../shared/registry-entry';
import { useRegistry } from '../registries/use-registry';
import { rumourStatuses, type RumourStatus } from '../../../shared/logbook-choices';
import type { ListFilters } from './use-records';

const statusChoices = ['active', 'draft', 'final', 'withdrawn'] as const;
type StatusChoice = (typeof statusChoices)[number];

/** How long typing must pause before the list is asked again. */
const debounceMs = 250;

/** Narrows a logbook's list: months, status (withdrawn ones too), village, words, a rumour's status. */
export function RecordFilters({
  kind,
  filters,
  defaults,
  onChange,
}: {
  kind: LogbookKind;
  filters: ListFilters;
  defaults: ListFilters;
  onChange: (filters: ListFilters) => void;
}) {
  const t = useT();
  const ids = { from: useId(), to: useId(), status: useId(), village: useId(), rumour: useId(), text: useId() };
  const villages = useRegistry('villages').entries ?? [];
  const set = <K extends keyof ListFilters>(key: K, value: ListFilters[K] | '') =>
    onChange({ ...filters, [key]: value === '' ? undefined : value });
  const changed = JSON.stringify(filters) !== JSON.stringify(defaults);

  return (
    <div className="record-filters" role="group" aria-label={t('logbooks:filters.label')} data-testid="record-filters">
      <div className="filter filter-month">
        <label htmlFor={ids.from}>{t('logbooks:filters.fromMonth')}</label>
        <input id={ids.from} type="month" value={filters.fromMonth ?? ''} onChange={(event) => set('fromMonth', event.target.value)} />
      </div>
      <div className="filter filter-month">
        <label htmlFor={ids.to}>{t('logbooks:filters.toMonth')}</label>
        <input id={ids.to} type="month" value={filters.toMonth ?? ''} onChange={(event) => set('toMonth', event.target.value)} />
      </div>
      <div className="filter">
        <label htmlFor={ids.status}>{t('logbooks:filters.status')}</label>
        <select id={ids.status} value={filters.status ?? ''} onChange={(event) => set('status', event.target.value as StatusChoice | '')}>
          <option value="">{t('logbooks:filters.all')}</option>
          {statusChoices.map((status) => (
            <option key={status} value={status}>
              {status === 'active' ? t('logbooks:filters.active') : t(`logbooks:status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      {kind !== 'worshipOutreach' && (
        <div className="filter">
          <label htmlFor={ids.village}>{t('logbooks:common.villageId')}</label>
          <select id={ids.village} value={filters.villageId ?? ''} onChange={(event) => set('villageId', event.target.value)}>
            <option value="">{t('logbooks:filters.all')}</option>
            {villages.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entryName(entry)}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === 'rumour' && (
        <div className="filter">
          <label htmlFor={ids.rumour}>{t('logbooks:field.rumour.status')}</label>
          <select
            id={ids.rumour}
            value={filters.rumourStatus ?? ''}
            onChange={(event) => set('rumourStatus', event.target.value as RumourStatus | '')}
          >
            <option value="">{t('logbooks:filters.all')}</option>
            {rumourStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`logbooks:rumourStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <TextFilter id={ids.text} value={filters.text ?? ''} onChange={(text) => set('text', text)} />
      {changed && (
        <button type="button" className="filters-clear" onClick={() => onChange(defaults)}>
          <FilterX aria-hidden="true" /> {t('logbooks:filters.clear')}
        </button>
      )}
    </div>
  );
}

/** The words to look for; the list is asked once typing pauses, not at every key. */
function TextFilter({ id, value, onChange }: { id: string; value: string; onChange: (text: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value);
  // The value last sent or received: one that differs came from outside (the clear button).
  const [known, setKnown] = useState(value);
  if (value !== known) {
    setKnown(value);
    setText(value);
  }
  const send = useCallback(
    (next: string) => {
      setKnown(next);
      onChange(next);
    },
    [onChange],
  );
  useEffect(() => {
    if (text === known) return;
    const timer = setTimeout(() => send(text), debounceMs);
    return () => clearTimeout(timer);
  }, [text, known, send]);
  return (
    <div className="filter filter-text">
      <label htmlFor={id}>{t('logbooks:filters.text')}</label>
      <input
        id={id}
        type="search"
        value={text}
        maxLength={200}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && send(text)}
      />
    </div>
  );
}
