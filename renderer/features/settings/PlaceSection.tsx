import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { Field } from '../forms/Field';
import { fieldErrors } from '../forms/field-errors';
import { FormProblem } from '../forms/FormProblem';
import { useFieldMessage } from '../forms/use-field-message';
import { useSettings } from './settings-context';

/** The commune this laptop serves and its province: every record belongs to them. */
export function PlaceSection() {
  const t = useT();
  const { settings, update } = useSettings();
  const [commune, setCommune] = useState(settings.commune);
  const [province, setProvince] = useState(settings.province);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const errors = fieldErrors(error);
  const message = useFieldMessage(errors);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const refused = await update({ commune, province });
    setError(refused);
    setSaved(refused === null);
  };

  return (
    <form
      className="card place-section"
      aria-labelledby="place-title"
      onSubmit={(event) => void save(event)}
      noValidate
      data-testid="place-settings"
    >
      <h2 id="place-title">{t('settings:place.title')}</h2>
      <p className="hint">{t('settings:place.hint')}</p>
      <div className="form-grid">
        <Field label={t('settings:place.commune')} hint={t('settings:place.communeHint')} error={message('commune')}>
          {(control) => (
            <input {...control} value={commune} onChange={(event) => setCommune(event.target.value)} data-testid="setting-commune" />
          )}
        </Field>
        <Field label={t('settings:place.province')} error={message('province')}>
          {(control) => (
            <input {...control} value={province} onChange={(event) => setProvince(event.target.value)} data-testid="setting-province" />
          )}
        </Field>
      </div>
      <FormProblem error={error} errors={errors} />
      <div className="form-buttons">
        <button type="submit" className="primary" data-testid="place-save">
          {t('settings:place.save')}
        </button>
        {saved && (
          <span className="status-ok" role="status">
            {t('settings:place.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
