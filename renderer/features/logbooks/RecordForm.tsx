import { ArrowLeft, CheckCheck, Save } from 'lucide-react';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiError, LogbookKind, LogRecord } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useT } from '../../i18n/use-t';
import { fieldErrors } from '../forms/field-errors';
import { focusFirstError } from '../forms/focus-first-error';
import { FormProblem } from '../forms/FormProblem';
import { useFieldMessage } from '../forms/use-field-message';
import { forgetForm, formKey, keepForm, keptForm, type FormValues } from './form-memory';
import { formData, withValueAt, type FieldPath } from './form-values';
import { kindForms } from './kind-forms';
import { goTo, logbookHref, recordMonth, type LogbookRoute } from './logbook-route';
import { useSession } from '../profiles/session-context';
import { ProblemNotice } from './ProblemNotice';
import { RecordFormProvider, type RecordFormApi } from './record-form-context';
import { useRecord } from './use-record';

type FormRoute = LogbookRoute & ({ readonly view: 'new' } | { readonly view: 'edit'; readonly month: string; readonly id: string });

/** A new record's form, or an existing one's; the record is loaded first when editing. */
export function RecordForm({ route }: { route: FormRoute }) {
  return route.view === 'edit' ? <EditRecord route={route} /> : <NewRecord route={route} />;
}

function NewRecord({ route }: { route: FormRoute & { view: 'new' } }) {
  const name = useSession().active?.name;
  // Taken once: the time the form opened, and the person at the laptop then.
  const [initial] = useState(() => kindForms[route.kind].defaults({ now: new Date(), name }));
  return <FormBody route={route} record={undefined} initial={initial} />;
}

function EditRecord({ route }: { route: FormRoute & { view: 'edit' } }) {
  const t = useT();
  const { record, error } = useRecord(route.kind, route.id, route.month);
  if (!record) return error ? <ProblemNotice error={error} /> : <FormLoading />;
  if (record.status === 'withdrawn') return <p className="notice-inline">{t('logbooks:withdrawnIsFinal')}</p>;
  return <FormBody key={record.id} route={route} record={record} initial={{ ...emptyLists(route.kind), ...record.data }} />;
}

/** The lists a record may leave empty, empty: a record saved without one (by a script, say) can still be finished. */
function emptyLists(kind: LogbookKind): FormValues {
  const defaults = kindForms[kind].defaults({ now: new Date(), name: undefined });
  return Object.fromEntries(Object.entries(defaults).filter(([, value]) => Array.isArray(value) && value.length === 0));
}

function FormLoading() {
  const t = useT();
  return <p className="hint">{t('logbooks:list.loading')}</p>;
}

/**
 * The form itself. A draft saves with little filled in; "Hoàn tất" asks for everything.
 * A refused save shows each message at its field and takes the focus to the first; what
 * was typed stays, here and (until saved) when the person goes elsewhere and comes back.
 */
function FormBody({ route, record, initial }: { route: FormRoute; record: LogRecord | undefined; initial: FormValues }) {
  const t = useT();
  const { client } = useApi();
  const form = useRef<HTMLFormElement>(null);
  const key = formKey(route.kind, record?.id);
  const [kept] = useState(() => keptForm(key));
  const [values, setValues] = useState<FormValues>(kept?.values ?? initial);
  const [touched, setTouched] = useState(kept !== undefined);
  const [error, setError] = useState<ApiError | null>(kept?.error ?? null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error, 'data.');
  const message = useFieldMessage(errors);
  const final = record?.status === 'final';
  const { Form, toData } = kindForms[route.kind];

  useEffect(() => {
    if (touched) keepForm(key, values, error);
  }, [key, values, error, touched]);

  useEffect(() => {
    // Once the messages are at their fields, the focus goes to the first; this is also where
    // a draft sent here to be finished lands, straight on what is missing.
    if (error?.code === 'invalid_input') focusFirstError(form.current);
  }, [error]);

  const set = useCallback((path: FieldPath, value: unknown) => {
    setTouched(true);
    setValues((current) => withValueAt(current, path, value));
  }, []);
  const api: RecordFormApi = { values, set, errorAt: message };

  const save = async (finalise: boolean) => {
    if (busy) return;
    setBusy(true);
    const where = record ? { id: record.id, month: recordMonth(record.occurredAt) } : {};
    const result = await client.call('logbook.save', {
      kind: route.kind,
      ...where,
      finalise,
      data: formData(toData ? toData(values) : values),
    });
    setBusy(false);
    if (result.ok) {
      forgetForm(key);
      goTo({ place: route.place, kind: route.kind, view: 'record', month: recordMonth(result.value.occurredAt), id: result.value.id });
      return;
    }
    setError(result.error);
  };

  const leave = () => {
    forgetForm(key);
    goTo(record ? { ...route, view: 'record', month: recordMonth(record.occurredAt), id: record.id } : { ...route, view: 'list' });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    if (event.key === 's' || event.key === 'S') {
      event.preventDefault();
      void save(final);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void save(true);
    }
  };

  const backHref = record
    ? logbookHref({ ...route, view: 'record', month: recordMonth(record.occurredAt), id: record.id })
    : logbookHref({ ...route, view: 'list' });
  const profileProblem = error && error.code !== 'invalid_input';

  return (
    <section className="record-form-view" aria-labelledby="record-form-title">
      <a className="back-link" href={backHref}>
        <ArrowLeft aria-hidden="true" /> {record ? t('logbooks:form.backToRecord') : t('logbooks:detail.back')}
      </a>
      <h2 id="record-form-title" className="view-heading">
        {record
          ? t('logbooks:form.editTitle', { kind: t(`logbooks:kind.${route.kind}`) })
          : t('logbooks:form.newTitle', { kind: t(`logbooks:kind.${route.kind}`) })}
      </h2>
      <p className="hint">{final ? t('logbooks:form.finalHint') : t('logbooks:form.draftHint')}</p>
      {kept && (
        <p className="notice-inline" role="status">
          {t('logbooks:form.restored')}
        </p>
      )}
      <form
        ref={form}
        className="card record-form"
        noValidate
        onSubmit={(event) => event.preventDefault()}
        onKeyDown={onKeyDown}
        data-testid="record-form"
        data-kind={route.kind}
      >
        <RecordFormProvider value={api}>
          <Form />
        </RecordFormProvider>
        {profileProblem ? <ProblemNotice error={error} /> : <FormProblem error={error} errors={errors} />}
        <div className="form-buttons">
          {final ? (
            <button type="button" className="primary" disabled={busy} onClick={() => void save(true)} data-testid="save-final">
              <Save aria-hidden="true" /> {t('logbooks:form.saveChanges')}
            </button>
          ) : (
            <>
              <button type="button" disabled={busy} onClick={() => void save(false)} data-testid="save-draft">
                <Save aria-hidden="true" /> {t('logbooks:form.saveDraft')}
              </button>
              <button type="button" className="primary" disabled={busy} onClick={() => void save(true)} data-testid="finalise">
                <CheckCheck aria-hidden="true" /> {t('logbooks:form.finalise')}
              </button>
            </>
          )}
          <button type="button" onClick={leave}>
            {t('logbooks:form.cancel')}
          </button>
          <span className="hint shortcuts">{final ? t('logbooks:form.shortcutsFinal') : t('logbooks:form.shortcuts')}</span>
        </div>
      </form>
    </section>
  );
}
