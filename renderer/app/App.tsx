import { useEffect } from 'react';
import { useT } from '../i18n/use-t';
import { useAppInfo } from './app-info-context';
import { NoticeBanner } from './NoticeBanner';
import { NotYetBuilt } from './NotYetBuilt';
import { places } from './places';
import { Sidebar } from './Sidebar';
import { useCurrentPlace } from './use-current-place';
import { PresentationMode } from '../features/present/PresentationMode';
import { leavePresentation, usePresentTarget } from '../features/present/use-present-target';

export function App() {
  const t = useT();
  const info = useAppInfo();
  const current = useCurrentPlace();
  const place = places.find(({ id }) => id === current);
  const Page = place?.Page;
  const presenting = usePresentTarget();

  useEffect(() => {
    // Tests and benchmarks wait for this instead of sleeping.
    document.documentElement.dataset.ready = 'true';
  }, []);

  useEffect(() => {
    document.title = `${t(`nav:${current}.title`)} · ${t('common:appName')}`;
  }, [current, t]);

  if (presenting) return <PresentationMode target={presenting} onExit={leavePresentation} />;

  return (
    <div className="shell">
      <Sidebar current={current} />
      <main className="content" data-place={current}>
        <NoticeBanner notices={info.notices} />
        <h1>{t(`nav:${current}.title`)}</h1>
        {Page ? <Page /> : <NotYetBuilt place={current} />}
      </main>
    </div>
  );
}
