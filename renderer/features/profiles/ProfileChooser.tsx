import { CircleUserRound, KeyRound } from 'lucide-react';
import { useState } from 'react';
import type { ApiError, Profile } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { PinForm } from './PinForm';
import { useSession } from './session-context';

interface ProfileChooserProps {
  readonly profiles: readonly Profile[];
  /** The profile picked at first (the one whose PIN is asked at once). */
  readonly initial?: string | null;
  readonly submitLabel: string;
  readonly onDone?: () => void;
}

/** Pick who is working: at once for a profile without a PIN, after the PIN for one with. */
export function ProfileChooser({ profiles, initial = null, submitLabel, onDone }: ProfileChooserProps) {
  const t = useT();
  const describe = useMessage();
  const { client } = useApi();
  const { session, apply } = useSession();
  const [chosen, setChosen] = useState<string | null>(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const picked = profiles.find((profile) => profile.id === chosen);

  const choose = async (profile: Profile) => {
    setError(null);
    if (profile.hasPin) return setChosen(profile.id);
    setChosen(null);
    const result = await client.call('profiles.activate', { id: profile.id });
    if (!result.ok) return setError(result.error);
    apply(result.value);
    onDone?.();
  };

  return (
    <div className="profile-chooser">
      <ul className="profile-list" data-testid="profile-list">
        {profiles.map((profile) => (
          <li key={profile.id}>
            <button
              type="button"
              className="profile-choice"
              aria-pressed={profile.id === chosen}
              onClick={() => void choose(profile)}
              data-testid="profile-choice"
              data-profile-name={profile.name}
            >
              <CircleUserRound aria-hidden="true" />
              <span className="profile-name">{profile.name}</span>
              {profile.id === session.activeId && <span className="badge badge-official">{t('profiles:switcher.current')}</span>}
              {profile.hasPin && (
                <span className="profile-pin" title={t('profiles:withPin')}>
                  <KeyRound aria-hidden="true" />
                  <span className="visually-hidden">{t('profiles:withPin')}</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {picked && <PinForm key={picked.id} profile={picked} submitLabel={submitLabel} {...(onDone ? { onDone } : {})} />}
      {error && (
        <p className="field-error" role="alert">
          {describe(error)}
        </p>
      )}
    </div>
  );
}
