import { CircleUserRound, Lock, UserPlus } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useApi } from '../../api/api-context';
import { useT } from '../../i18n/use-t';
import { AddProfileForm } from './AddProfileForm';
import { ProfileChooser } from './ProfileChooser';
import { useSession } from './session-context';

/** At the foot of the sidebar: who is working now; a click to hand the laptop to someone else. */
export function ProfileSwitcher() {
  const t = useT();
  const { client } = useApi();
  const { session, active, apply } = useSession();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  // A lock closes it: a modal dialog left open would make the lock screen itself unusable.
  const showing = open && !session.locked;

  useEffect(() => {
    const element = dialog.current;
    if (showing && !element?.open) element?.showModal();
    if (!showing && element?.open) element.close();
  }, [showing]);

  const close = () => {
    setOpen(false);
    setAdding(false);
  };

  const lockNow = async () => {
    const result = await client.call('profiles.lock', {});
    if (result.ok) apply(result.value);
    close();
  };

  return (
    <div className="profile-switcher">
      <button type="button" className="profile-button" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="profile-switcher">
        <CircleUserRound aria-hidden="true" />
        <span>
          <span className="profile-button-label">{t('profiles:switcher.who')}</span>
          <span className="profile-button-name" data-testid="active-profile">
            {active?.name ?? t('profiles:switcher.none')}
          </span>
        </span>
      </button>
      <dialog ref={dialog} className="profile-dialog" aria-labelledby={titleId} onClose={close} data-testid="profile-dialog">
        {showing && (
          <>
            <h2 id={titleId}>{t('profiles:switcher.title')}</h2>
            {session.profiles.length > 0 ? (
              <ProfileChooser profiles={session.profiles} submitLabel={t('profiles:switcher.switch')} onDone={close} />
            ) : (
              <p className="hint">{t('profiles:switcher.empty')}</p>
            )}
            {adding ? (
              <section className="dialog-section" aria-label={t('profiles:add.title')}>
                <h3>{t('profiles:add.title')}</h3>
                <AddProfileForm activate onAdded={close} />
              </section>
            ) : (
              <button type="button" onClick={() => setAdding(true)} data-testid="switcher-add">
                <UserPlus aria-hidden="true" /> {t('profiles:add.title')}
              </button>
            )}
            <div className="form-buttons dialog-buttons">
              {active?.hasPin && (
                <button type="button" onClick={() => void lockNow()} data-testid="lock-now">
                  <Lock aria-hidden="true" /> {t('profiles:switcher.lockNow')}
                </button>
              )}
              <button type="button" onClick={close}>
                {t('profiles:switcher.close')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </div>
  );
}
