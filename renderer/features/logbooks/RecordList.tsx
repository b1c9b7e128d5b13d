import { Plus } from 'lucide-react';
import type { LogbookKind, LogRecord } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { formatLocalTime } from './local-time';
import { logbookHref, recordMonth, type LogbookPlace } from './logbook-route';
import { ProblemNotice } from './ProblemNotice';
import { recordTitle, recordWhere } from './record-summary';
import { ExportButtons } from './ExportButtons';
import { RecordFilters } from './RecordFilters';
import { StatusBadge } from './StatusBadge';
import { useRecords, type ListFilters } from './use-records';
import { useRegistryNames, type RegistryNameOf } from './use-registry-names';

interface RecordListProps {
  readonly place: LogbookPlace;
  readonly kind: LogbookKind;
  readonly filters: ListFilters;
  readonly defaults: ListFilters;
  readonly onFilters: (filters: ListFilters) => void;
}

/** A logbook's records in the months chosen, newest first, with the total and the exports. */
export function RecordList({ place, kind, filters, defaults, onFilters }: RecordListProps) {
  const t = useT();
  const nameOf = useRegistryNames();
  const { answer, error } = useRecords(kind, filters);
  const records = answer?.records;

  return (
    <section className="record-list-view" aria-labelledby="record-list-title" data-testid="record-list">
      <div className="record-list-head">
        <h2 id="record-list-title" className="view-heading">
          {t(`logbooks:kind.${kind}`)}
        </h2>
        <a className="button-link primary" href={logbookHref({ place, kind, view: 'new' })} data-testid="new-record">
          <Plus aria-hidden="true" /> {t('logbooks:list.new')}
        </a>
      </div>
      <RecordFilters kind={kind} filters={filters} defaults={defaults} onChange={onFilters} />
      <div className="record-list-bar">
        <p className="record-total" role="status" data-testid="record-total">
          {answer ? t('logbooks:list.total', { count: answer.total }) : t('logbooks:list.loading')}
        </p>
        <ExportButtons kind={kind} filters={filters} />
      </div>
      {error && <ProblemNotice error={error} />}
      {records?.length === 0 && <p className="notice-inline">{t('logbooks:list.empty')}</p>}
      {records && records.length > 0 && (
        <ol className="record-list">
          {records.map((record) => (
            <li key={record.id}>
              <RecordRow place={place} record={record} nameOf={nameOf} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RecordRow({ place, record, nameOf }: { place: LogbookPlace; record: LogRecord; nameOf: RegistryNameOf }) {
  const t = useT();
  const title = recordTitle(record.kind, record.data, nameOf, t);
  const where = recordWhere(record.data, nameOf, t);
  return (
    <a
      className={`record-row status-${record.status}`}
      href={logbookHref({ place, kind: record.kind, view: 'record', month: recordMonth(record.occurredAt), id: record.id })}
      data-testid="record-row"
      data-status={record.status}
    >
      <span className="record-when">{formatLocalTime(record.occurredAt)}</span>
      <span className="record-main">
        <span className="record-title">{title || t('logbooks:list.untitled')}</span>
        {where && <span className="record-where">{where}</span>}
      </span>
      <StatusBadge status={record.status} />
      <span className="record-author">{record.author.name}</span>
    </a>
  );
}
