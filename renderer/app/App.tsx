import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';
import { useAppInfo } from './app-info-context';
import { NoticeBanner } from './NoticeBanner';
import { NotYetBuilt } from './NotYetBuilt';
import { places } from './places';
import { Sidebar } from './Sidebar';
import { useCurrentPlace } from './use-current-place';
import { PresentationMode } from '../features/present/PresentationMode';
import { leavePresentation, usePresentTarget } from '../features/present/use-present-target';
import { FirstRunPrompt } from '../features/profiles/FirstRunPrompt';
import { LockScreen } from '../features/profiles/LockScreen';
import { useSession } from '../features/profiles/session-context';
import { useIdleLock } from '../features/profiles/use-idle-lock';

export function App() {
  const t = useT();
  const info = useAppInfo();
  const current = useCurrentPlace();
  const place = places.find(({ id }) => id === current);
  const Page = place?.Page;
  const presenting = usePresentTarget();
  const { session } = useSession();
  const [askLater, setAskLater] = useState(false);
  useIdleLock(presenting !== undefined);

  useEffect(() => {
    // Tests and benchmarks wait for this instead of sleeping.
    document.documentElement.dataset.ready = 'true';
  }, []);

  useEffect(() => {
    document.title = `${t(`nav:${current}.title`)} · ${t('common:appName')}`;
  }, [current, t]);

  // Locked, the app is hidden but kept: what was being typed is still there after the PIN,
  // and a loudspeaker recording playing goes on playing.
  return (
    <>
      {session.locked && <LockScreen />}
      <div className="app-frame" hidden={session.locked} inert={session.locked}>
        {presenting ? (
          <PresentationMode target={presenting} onExit={leavePresentation} />
        ) : (
          <div className="shell">
            <Sidebar current={current} />
            <main className="content" data-place={current}>
              <NoticeBanner initial={info.notices} />
              {session.profiles.length === 0 && !askLater && <FirstRunPrompt onLater={() => setAskLater(true)} />}
              <h1>{t(`nav:${current}.title`)}</h1>
              {Page ? <Page /> : <NotYetBuilt place={current} />}
            </main>
          </div>
        )}
      </div>
    </>
  );
}
