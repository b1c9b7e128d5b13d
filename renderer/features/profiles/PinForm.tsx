import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError, Profile } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { useSession } from './session-context';

/** A profile's PIN, asked before working as them; wrong PINs and the lockout said at the field. */
export function PinForm({ profile, submitLabel, onDone }: { profile: Profile; submitLabel: string; onDone?: () => void }) {
  const t = useT();
  const describe = useMessage();
  const { client } = useApi();
  const { apply } = useSession();
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => input.current?.focus(), [profile.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The last answer goes while this one is checked, so each try gets its own message.
    setError(null);
    setBusy(true);
    const result = await client.call('profiles.activate', { id: profile.id, pin });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setPin('');
      input.current?.focus();
      return;
    }
    setError(null);
    apply(result.value);
    onDone?.();
  };

  return (
    <form className="pin-form" onSubmit={(event) => void submit(event)} noValidate data-testid="pin-form">
      <label htmlFor={inputId}>{t('profiles:pin.label', { name: profile.name })}</label>
      <div className="field-row">
        <input
          ref={input}
          id={inputId}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setPin(event.target.value)}
          data-testid="pin-input"
        />
        <button type="submit" className="primary" disabled={busy || pin === ''} data-testid="pin-submit">
          {submitLabel}
        </button>
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert" data-testid="pin-error">
          {describe(error)}
        </p>
      )}
    </form>
  );
}
