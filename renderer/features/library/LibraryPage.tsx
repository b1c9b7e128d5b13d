import { useLayoutEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { LibraryBrowser } from './LibraryBrowser';
import { libraryHref, useLibraryRoute, type LibraryRoute } from './library-route';
import { MaterialDetail } from './MaterialDetail';
import { PlanEditor } from './PlanEditor';
import { PlansPage } from './PlansPage';
import { PlansProvider, usePlans } from './plans-context';
import { useLibrary, type LibraryFilters } from './use-library';
import { focusViewHeading } from './view-focus';

/** The library place: browse and search the installed materials, open one, prepare session plans. */
export function LibraryPage() {
  return (
    <PlansProvider>
      <Library />
    </PlansProvider>
  );
}

function Library() {
  const route = useLibraryRoute();
  const library = useLibrary();
  // Kept here, above the views, so that coming back from a material finds the list as it was left.
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<LibraryFilters>({});
  // Back from a material, the list brings that material into view and focuses it.
  const [previous, setPrevious] = useState(route);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  if (route !== previous) {
    setReturnTo(previous.view === 'material' ? `${previous.packId}/${previous.itemId}` : null);
    setPrevious(route);
  }

  const routeKey = libraryHref(route);
  useLayoutEffect(() => {
    if (route.view !== 'browse') focusViewHeading();
  }, [routeKey, route.view]);

  return (
    <div className="library-page" data-testid="library-page" data-view={route.view}>
      <LibraryTabs route={route} />
      {route.view === 'browse' && (
        <LibraryBrowser library={library} query={query} onQuery={setQuery} filters={filters} onFilters={setFilters} returnTo={returnTo} />
      )}
      {route.view === 'material' && <MaterialDetail packId={route.packId} itemId={route.itemId} />}
      {route.view === 'plans' && <PlansPage />}
      {route.view === 'plan' && <PlanEditor planId={route.planId} library={library} />}
    </div>
  );
}

function LibraryTabs({ route }: { route: LibraryRoute }) {
  const t = useT();
  const { plans } = usePlans();
  const inPlans = route.view === 'plans' || route.view === 'plan';
  return (
    <nav className="library-tabs" aria-label={t('library:tabs.label')}>
      <a href={libraryHref({ view: 'browse' })} aria-current={inPlans ? undefined : 'page'} data-testid="tab-materials">
        {t('library:tabs.materials')}
      </a>
      <a href={libraryHref({ view: 'plans' })} aria-current={inPlans ? 'page' : undefined} data-testid="tab-plans">
        {t('library:tabs.plans')}
        {plans && plans.length > 0 && <span className="tab-count">{plans.length}</span>}
      </a>
    </nav>
  );
}
