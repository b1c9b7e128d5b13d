import { ArrowLeft, Ban, CheckCheck, Pencil } from 'lucide-react';
import { useState } from 'react';
import type { ApiError, DraftData, LogRecord } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { formKey, keepForm } from './form-memory';
import { formatLocalTime } from './local-time';
import { goTo, logbookHref, recordMonth, type LogbookRoute } from './logbook-route';
import { ProblemNotice } from './ProblemNotice';
import { RecordFieldsView } from './RecordFieldsView';
import { RevisionHistory } from './RevisionHistory';
import { StatusBadge } from './StatusBadge';
import { useRecord } from './use-record';
import { useRegistryNames } from './use-registry-names';
import { WithdrawForm } from './WithdrawForm';

/** One record whole: its fields, who wrote it where, its status, every earlier state; edit, finalise, withdraw. */
export function RecordDetail({ route }: { route: LogbookRoute & { view: 'record' } }) {
  const t = useT();
  const { client } = useApi();
  const nameOf = useRegistryNames();
  const { record, error, show } = useRecord(route.kind, route.id, route.month);
  const [withdrawing, setWithdrawing] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const listHref = logbookHref({ ...route, view: 'list' });

  const finalise = async (current: LogRecord) => {
    setProblem(null);
    // The record's data as the core checked it when it was saved.
    const data = current.data as DraftData;
    const saved = await client.call('logbook.save', {
      kind: current.kind,
      id: current.id,
      month: recordMonth(current.occurredAt),
      finalise: true,
      data,
    });
    if (saved.ok) return show(saved.value);
    if (saved.error.code !== 'invalid_input') return setProblem(saved.error);
    // What is missing is answered in the form, each message at its field.
    keepForm(formKey(current.kind, current.id), current.data, saved.error);
    goTo({ ...route, view: 'edit', month: recordMonth(current.occurredAt), id: current.id });
  };

  return (
    <section className="record-detail" aria-labelledby="record-title" data-testid="record-detail" data-status={record?.status}>
      <a className="back-link" href={listHref}>
        <ArrowLeft aria-hidden="true" /> {t('logbooks:detail.back')}
      </a>
      <div className="record-detail-head">
        <h2 id="record-title" className="view-heading">
          {t(`logbooks:kind.${route.kind}`)}
          {record && <span className="record-detail-when"> · {formatLocalTime(record.occurredAt)}</span>}
        </h2>
        {record && <StatusBadge status={record.status} />}
      </div>
      {error && !record && <ProblemNotice error={error} />}
      {record?.withdrawal && (
        <p className="withdrawn-notice" data-testid="withdrawn-notice">
          {t('logbooks:detail.withdrawnBy', {
            at: formatDateTime(record.withdrawal.at),
            name: record.withdrawal.by.name,
            reason: record.withdrawal.reason,
          })}
        </p>
      )}
      {record && record.status !== 'withdrawn' && (
        <div className="record-actions">
          <a
            className="button-link"
            href={logbookHref({ ...route, view: 'edit', month: recordMonth(record.occurredAt), id: record.id })}
            data-testid="edit-record"
          >
            <Pencil aria-hidden="true" /> {t('logbooks:detail.edit')}
          </a>
          {record.status === 'draft' && (
            <button type="button" className="primary" onClick={() => void finalise(record)} data-testid="finalise-record">
              <CheckCheck aria-hidden="true" /> {t('logbooks:form.finalise')}
            </button>
          )}
          {!withdrawing && (
            <button type="button" onClick={() => setWithdrawing(true)} data-testid="withdraw-record">
              <Ban aria-hidden="true" /> {t('logbooks:withdraw.open')}
            </button>
          )}
        </div>
      )}
      {problem && <ProblemNotice error={problem} />}
      {record && withdrawing && record.status !== 'withdrawn' && (
        <WithdrawForm
          record={record}
          onDone={(withdrawn) => {
            setWithdrawing(false);
            show(withdrawn);
          }}
          onCancel={() => setWithdrawing(false)}
        />
      )}
      {record && (
        <>
          <RecordFieldsView kind={record.kind} data={record.data} nameOf={nameOf} />
          <RecordFacts record={record} />
          <RevisionHistory record={record} nameOf={nameOf} />
        </>
      )}
    </section>
  );
}

/** Who wrote it, on which laptop, when; what a district needs to trace a record. */
function RecordFacts({ record }: { record: LogRecord }) {
  const t = useT();
  const facts: [string, string][] = [
    [t('logbooks:common.status'), t(`logbooks:status.${record.status}`)],
    [t('logbooks:common.author'), record.author.name],
    [t('logbooks:detail.savedBy'), record.savedBy.name],
    [t('logbooks:common.device'), record.device],
    [t('logbooks:common.createdAt'), formatDateTime(record.createdAt)],
    [t('logbooks:common.updatedAt'), formatDateTime(record.updatedAt)],
    ...(record.finalisedAt ? [[t('logbooks:detail.finalisedAt'), formatDateTime(record.finalisedAt)] as [string, string]] : []),
    [t('logbooks:common.revision'), String(record.revision)],
    [t('logbooks:common.id'), record.id],
  ];
  return (
    <dl className="record-facts" data-testid="record-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
