import { CircleUserRound, KeyRound } from 'lucide-react';
import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { formatDate } from '../../i18n/format';
import { AddProfileForm } from '../profiles/AddProfileForm';
import { useSession } from '../profiles/session-context';
import { IdleLockField } from './IdleLockField';

/** The people who share this laptop, a new one, and how soon the app locks itself. */
export function UsersSection() {
  const t = useT();
  const { session } = useSession();
  const [added, setAdded] = useState<string | null>(null);
  return (
    <section className="card users-section" aria-labelledby="users-title" data-testid="users-settings">
      <h2 id="users-title">{t('profiles:users.title')}</h2>
      <p className="hint">{t('profiles:users.intro')}</p>
      {session.profiles.length === 0 ? (
        <p>{t('profiles:users.none')}</p>
      ) : (
        <ul className="user-list" data-testid="user-list">
          {session.profiles.map((profile) => (
            <li key={profile.id} data-testid="user-row">
              <CircleUserRound aria-hidden="true" />
              <strong>{profile.name}</strong>
              {profile.id === session.activeId && <span className="badge badge-official">{t('profiles:switcher.current')}</span>}
              <span className="hint">
                {profile.hasPin && <KeyRound aria-hidden="true" />} {t(profile.hasPin ? 'profiles:withPin' : 'profiles:withoutPin')} ·{' '}
                {t('profiles:users.since', { date: formatDate(profile.createdAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('profiles:add.title')}</h3>
      <AddProfileForm activate={false} onAdded={setAdded} />
      {added && (
        <p className="status-ok" role="status">
          {t('profiles:add.added', { name: added })}
        </p>
      )}
      <IdleLockField />
    </section>
  );
}
