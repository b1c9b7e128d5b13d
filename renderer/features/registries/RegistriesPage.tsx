import { useLayoutEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { EntryEditor } from './EntryEditor';
import { RegistryList } from './RegistryList';
import { registryHref, registryTabs, useRegistryRoute, type RegistryRoute } from './registries-route';

/** The commune's registries: its villages, its respected community figures, its places of worship. */
export function RegistriesPage() {
  const route = useRegistryRoute();
  // What the last save or erasure did, said on the list it returns to.
  const [done, setDone] = useState<string | null>(null);
  const [previous, setPrevious] = useState(route);
  if (route !== previous) {
    if (route.view !== 'list' || route.registry !== previous.registry) setDone(null);
    setPrevious(route);
  }

  const routeKey = registryHref(route);
  useLayoutEffect(() => {
    if (route.view === 'list') return;
    // A form starts at its top, with the focus on its heading, as a new page would.
    window.scrollTo(0, 0);
    document.querySelector<HTMLElement>('.registries-page .view-heading')?.focus({ preventScroll: true });
  }, [routeKey, route.view]);

  return (
    <div className="registries-page" data-testid="registries-page" data-registry={route.registry} data-view={route.view}>
      <RegistryTabs route={route} />
      {route.view === 'list' ? (
        <RegistryList key={route.registry} registry={route.registry} done={done} />
      ) : (
        <EntryEditor key={routeKey} route={route} onDone={setDone} />
      )}
    </div>
  );
}

function RegistryTabs({ route }: { route: RegistryRoute }) {
  const t = useT();
  return (
    <nav className="library-tabs" aria-label={t('registries:page.tabs')}>
      {registryTabs.map((registry) => (
        <a
          key={registry}
          href={registryHref({ registry, view: 'list' })}
          aria-current={route.registry === registry ? 'page' : undefined}
          data-testid={`tab-${registry}`}
        >
          {t(`registries:registry.${registry}`)}
        </a>
      ))}
    </nav>
  );
}
