import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../electron/core/contract';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { useSettings } from '../settings/settings-context';

/** The hub's address, saved in the core and checked there (http or https only). */
export function HubAddress() {
  const t = useT();
  const describe = useMessage();
  const inputId = useId();
  const errorId = useId();
  const { settings, update } = useSettings();
  const [draft, setDraft] = useState(settings.hubUrl);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const refused = await update({ hubUrl: draft.trim() });
    setError(refused);
    setSaved(refused === null);
  };

  return (
    <form className="hub-address" onSubmit={(event) => void save(event)} noValidate>
      <label htmlFor={inputId}>{t('sync:hubUrl')}</label>
      <div className="field-row">
        <input
          id={inputId}
          type="url"
          inputMode="url"
          value={draft}
          placeholder={t('sync:hubUrlPlaceholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit">{t('sync:save')}</button>
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error.field === 'hubUrl' ? t('sync:failure.badUrl', { url: draft }) : describe(error)}
        </p>
      )}
      {saved && (
        <p className="status-ok" role="status">
          {t('sync:saved')}
        </p>
      )}
    </form>
  );
}
