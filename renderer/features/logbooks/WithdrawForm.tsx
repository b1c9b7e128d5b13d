import { useEffect, useId, useRef, useState } from 'react';
import type { ApiError, LogRecord } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { Field } from '../forms/Field';
import { fieldErrors } from '../forms/field-errors';
import { focusFirstError } from '../forms/focus-first-error';
import { recordMonth } from './logbook-route';
import { ProblemNotice } from './ProblemNotice';

/** Takes a record out of use, with the reason it is wrong; it stays, marked withdrawn, never deleted. */
export function WithdrawForm({
  record,
  onDone,
  onCancel,
}: {
  record: LogRecord;
  onDone: (record: LogRecord) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const describe = useMessage();
  const { client } = useApi();
  const form = useRef<HTMLFormElement>(null);
  const headingId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const reasonError = errors.at('reason');

  const withdraw = async () => {
    setBusy(true);
    const result = await client.call('logbook.withdraw', {
      kind: record.kind,
      id: record.id,
      month: recordMonth(record.occurredAt),
      reason,
    });
    setBusy(false);
    if (result.ok) return onDone(result.value);
    setError(result.error);
  };

  useEffect(() => {
    if (error) focusFirstError(form.current);
  }, [error]);

  return (
    <form
      ref={form}
      className="card withdraw-form"
      aria-labelledby={headingId}
      data-testid="withdraw-form"
      onSubmit={(event) => {
        event.preventDefault();
        void withdraw();
      }}
    >
      <h3 id={headingId}>{t('logbooks:withdraw.title')}</h3>
      <p className="hint">{t('logbooks:withdraw.hint')}</p>
      <Field label={t('logbooks:withdraw.reason')} error={reasonError && describe(reasonError)}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={reason}
            maxLength={1000}
            aria-required="true"
            autoFocus
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      {error && !reasonError && <ProblemNotice error={error} />}
      <div className="form-buttons">
        <button type="submit" className="danger" disabled={busy}>
          {t('logbooks:withdraw.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('logbooks:withdraw.keep')}
        </button>
      </div>
    </form>
  );
}
