import { ProfileSwitcher } from '../features/profiles/ProfileSwitcher';
import { useT } from '../i18n/use-t';
import { GongMark } from './GongMark';
import { places, type PlaceId } from './places';
import { hrefFor } from './use-current-place';

export function Sidebar({ current }: { current: PlaceId }) {
  const t = useT();
  return (
    <nav className="sidebar" aria-label={t('nav:label')}>
      <div className="brand">
        <GongMark />
        <div>
          <div className="brand-name">{t('common:appName')}</div>
          <div className="brand-tagline">{t('common:tagline')}</div>
        </div>
      </div>
      <ul>
        {places.map(({ id, icon: Icon }) => (
          <li key={id}>
            <a href={hrefFor(id)} aria-current={id === current ? 'page' : undefined} data-place={id}>
              <Icon aria-hidden="true" className="nav-icon" />
              <span>{t(`nav:${id}.title`)}</span>
            </a>
          </li>
        ))}
      </ul>
      <ProfileSwitcher />
    </nav>
  );
}
