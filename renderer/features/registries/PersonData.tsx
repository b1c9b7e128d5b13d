import { FileJson, UserX } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import type { ApiError, RegistryEntry } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { entryName } from '../../../shared/registry-entry';
import { goTo } from './registries-route';

/**
 * A person's rights over their data, on request: a copy of everything kept about them, and
 * its erasure. Erasing asks for the name to be typed, so a slip of the mouse erases nobody.
 */
export function PersonData({ entry, onErased }: { entry: RegistryEntry; onErased: (message: string) => void }) {
  const t = useT();
  const describe = useMessage();
  const { client } = useApi();
  const name = entryName(entry);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [erasing, setErasing] = useState(false);

  const exportPerson = async () => {
    setStatus(null);
    const prepared = await client.call('registry.exportPerson', { id: entry.id });
    if (!prepared.ok) return setStatus({ text: describe(prepared.error), error: true });
    const saved = await client.download(prepared.value.downloadId, prepared.value.fileName);
    if (!saved.ok) return setStatus({ text: describe(saved.error), error: true });
    if (saved.value.saved) setStatus({ text: t('registries:person.exported', { fileName: prepared.value.fileName }), error: false });
  };

  return (
    <section className="card person-data" aria-labelledby="person-data-title" data-testid="person-data">
      <h3 id="person-data-title">{t('registries:person.title')}</h3>
      <p className="hint">{t('registries:person.intro')}</p>
      <div className="form-buttons">
        <button type="button" onClick={() => void exportPerson()} data-testid="person-export">
          <FileJson aria-hidden="true" /> {t('registries:person.export')}
        </button>
        {!erasing && (
          <button type="button" className="danger-outline" onClick={() => setErasing(true)} data-testid="person-erase">
            <UserX aria-hidden="true" /> {t('registries:person.erase')}
          </button>
        )}
      </div>
      {status && (
        <p className={status.error ? 'field-error' : 'status-ok'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {erasing && <EraseConfirm entry={entry} name={name} onCancel={() => setErasing(false)} onErased={onErased} />}
    </section>
  );
}

function EraseConfirm({
  entry,
  name,
  onCancel,
  onErased,
}: {
  entry: RegistryEntry;
  name: string;
  onCancel: () => void;
  onErased: (message: string) => void;
}) {
  const t = useT();
  const describe = useMessage();
  const { client } = useApi();
  const inputId = useId();
  const errorId = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const erase = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const erased = await client.call('registry.erasePerson', { id: entry.id, confirmName: typed });
    setBusy(false);
    if (!erased.ok) return setError(erased.error);
    onErased(t('registries:person.erased', { name, count: erased.value.recordsChanged }));
    goTo({ registry: 'figures', view: 'list' });
  };

  return (
    <form className="erase-confirm" onSubmit={(event) => void erase(event)} noValidate data-testid="erase-confirm">
      <p>
        <strong>{t('registries:person.eraseWhat', { name })}</strong>
      </p>
      <p>{t('registries:person.eraseRecords')}</p>
      <p>{t('registries:person.eraseFinal')}</p>
      <label htmlFor={inputId}>{t('registries:person.typeName', { name })}</label>
      <div className="field-row">
        <input
          id={inputId}
          value={typed}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setTyped(event.target.value)}
          data-testid="erase-name"
        />
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {describe(error)}
        </p>
      )}
      <div className="form-buttons">
        <button type="submit" className="danger" disabled={busy || typed.trim() === ''} data-testid="erase-submit">
          {t('registries:person.eraseNow')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
