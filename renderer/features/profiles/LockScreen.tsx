import { LockKeyhole } from 'lucide-react';
import { useT } from '../../i18n/use-t';
import { ProfileChooser } from './ProfileChooser';
import { useSession } from './session-context';

/**
 * The face of the core's lock: covers the whole window until someone with a PIN unlocks it.
 * Only profiles with a PIN can: switching to one without would be a way round the lock.
 */
export function LockScreen() {
  const t = useT();
  const { session } = useSession();
  const withPin = session.profiles.filter((profile) => profile.hasPin);
  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title" data-testid="lock-screen">
      <div className="lock-card">
        <LockKeyhole aria-hidden="true" className="lock-icon" />
        <h1 id="lock-title">{t('profiles:lock.title')}</h1>
        <p>{t('profiles:lock.intro')}</p>
        <ProfileChooser
          profiles={withPin}
          initial={withPin.some((profile) => profile.id === session.activeId) ? session.activeId : null}
          submitLabel={t('profiles:lock.unlock')}
        />
        {withPin.length < session.profiles.length && <p className="hint">{t('profiles:lock.noPinNote')}</p>}
      </div>
    </div>
  );
}
