import { UserPlus } from 'lucide-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useT } from '../../i18n/use-t';
import { Field } from '../forms/Field';
import { fieldErrors } from '../forms/field-errors';
import { FormProblem } from '../forms/FormProblem';
import { useFieldMessage } from '../forms/use-field-message';
import { useSession } from './session-context';

interface AddProfileFormProps {
  /** Start working as the person just added (they are the one at the keyboard). */
  readonly activate: boolean;
  readonly submitLabel?: string;
  /** Where the PIN is explained around the form instead, its hint is left out. */
  readonly pinHint?: boolean;
  /** Another button beside the form's own (a "later"). */
  readonly aside?: ReactNode;
  readonly onAdded?: (name: string) => void;
}

/** A new person on this laptop: a name, and a PIN if they want the app to lock for them. */
export function AddProfileForm({ activate, submitLabel, pinHint = true, aside, onAdded }: AddProfileFormProps) {
  const t = useT();
  const { client } = useApi();
  const { session, apply } = useSession();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(error);
  const message = useFieldMessage(errors);
  // The core's general words, said for these two fields in the words a person would use.
  const said = (path: string, key: string, text: string) => (errors.at(path)?.messageKey === key ? text : message(path));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // A PIN mistyped once would lock its owner out: it is typed twice, and compared here.
    if (pin !== pinAgain) return setError({ code: 'invalid_input', messageKey: 'profiles:add.pinMismatch', field: 'pinAgain' });
    setBusy(true);
    const known = new Set(session.profiles.map((profile) => profile.id));
    const saved = await client.call('profiles.save', { name, ...(pin ? { pin } : {}) });
    const added = saved.ok ? saved.value.profiles.find((profile) => !known.has(profile.id)) : undefined;
    const result =
      saved.ok && activate && added ? await client.call('profiles.activate', { id: added.id, ...(pin ? { pin } : {}) }) : saved;
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    apply(result.value);
    setName('');
    setPin('');
    setPinAgain('');
    onAdded?.(added?.name ?? name.trim());
  };

  return (
    <form className="add-profile" onSubmit={(event) => void submit(event)} noValidate data-testid="add-profile">
      <div className="form-grid">
        <Field label={t('profiles:add.name')} error={said('name', 'errors:field.tooShort', t('profiles:add.nameNeeded'))} className="wide">
          {(control) => (
            <input
              {...control}
              value={name}
              onChange={(event) => setName(event.target.value)}
              autoComplete="off"
              data-testid="profile-name"
            />
          )}
        </Field>
        <Field
          label={t('profiles:add.pin')}
          hint={pinHint ? t('profiles:add.pinHint') : undefined}
          error={said('pin', 'errors:field.badFormat', t('profiles:add.pinFormat'))}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={8}
              value={pin}
              onChange={(event) => setPin(event.target.value)}
              data-testid="profile-pin"
            />
          )}
        </Field>
        <Field label={t('profiles:add.pinAgain')} error={message('pinAgain')}>
          {(control) => (
            <input
              {...control}
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              maxLength={8}
              value={pinAgain}
              onChange={(event) => setPinAgain(event.target.value)}
              data-testid="profile-pin-again"
            />
          )}
        </Field>
      </div>
      <FormProblem error={error} errors={errors} />
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy} data-testid="profile-add">
          <UserPlus aria-hidden="true" /> {submitLabel ?? t('profiles:add.submit')}
        </button>
        {aside}
      </div>
    </form>
  );
}
