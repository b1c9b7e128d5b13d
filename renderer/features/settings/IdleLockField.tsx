import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useT } from '../../i18n/use-t';
import { Field } from '../forms/Field';
import { fieldErrors } from '../forms/field-errors';
import { useFieldMessage } from '../forms/use-field-message';
import { useSession } from '../profiles/session-context';

/** Minutes without a key or a mouse move before the app locks (for people with a PIN); 0 = never. */
export function IdleLockField() {
  const t = useT();
  const { client } = useApi();
  const { session, apply } = useSession();
  const [minutes, setMinutes] = useState(String(session.idleLockMinutes));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const message = useFieldMessage(fieldErrors(error));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const typed = minutes.trim();
    if (!/^\d+$/.test(typed)) return setError({ code: 'invalid_input', messageKey: 'common:form.notNumber', field: 'minutes' });
    const result = await client.call('profiles.setIdleLock', { minutes: Number(typed) });
    if (!result.ok) return setError(result.error);
    setError(null);
    apply(result.value);
    setSaved(result.value.idleLockMinutes);
  };

  return (
    <form className="idle-lock" onSubmit={(event) => void save(event)} noValidate data-testid="idle-lock">
      <Field label={t('profiles:idle.label')} hint={t('profiles:idle.hint')} error={message('minutes')}>
        {(control) => (
          <div className="field-row">
            <input
              {...control}
              inputMode="numeric"
              className="narrow"
              value={minutes}
              onChange={(event) => setMinutes(event.target.value)}
              data-testid="idle-minutes"
            />
            <button type="submit">{t('profiles:idle.save')}</button>
          </div>
        )}
      </Field>
      {saved !== null && (
        <p className="status-ok" role="status">
          {saved === 0 ? t('profiles:idle.off') : t('profiles:idle.saved', { count: saved })}
        </p>
      )}
    </form>
  );
}
