import { useLayoutEffect, useState } from 'react';
import type { LogbookKind } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { localMonth } from './local-time';
import { logbookHref, logbookPlaces, useLogbookRoute, type LogbookPlace, type LogbookRoute } from './logbook-route';
import { RecordDetail } from './RecordDetail';
import { RecordForm } from './RecordForm';
import { RecordList } from './RecordList';
import type { ListFilters } from './use-records';

/** The months a list starts with: this one and the two before, so last month's drafts are in view. */
const defaultFilters = (): ListFilters => ({ fromMonth: localMonth(new Date(), 2), toMonth: localMonth(new Date()) });

/** A place that keeps logbooks: each logbook's list, a record, a record's form. */
export function LogbookPage({ place }: { place: LogbookPlace }) {
  const t = useT();
  const route = useLogbookRoute(place);
  // Kept above the views, so that coming back from a record finds the list as it was left.
  const [defaults] = useState(defaultFilters);
  const [filters, setFilters] = useState<Partial<Record<LogbookKind, ListFilters>>>({});

  const viewKey = logbookHref(route);
  useLayoutEffect(() => {
    if (route.view === 'list') return;
    // A new view starts at its top, with the focus on its heading (as a new page would).
    window.scrollTo(0, 0);
    const heading = document.querySelector<HTMLElement>('.logbook-page .view-heading');
    if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading?.focus({ preventScroll: true });
  }, [viewKey, route.view]);

  return (
    <div className="logbook-page" data-testid="logbook-page" data-kind={route.kind} data-view={route.view}>
      {place === 'leaflets' && <p className="notice-inline">{t('logbooks:place.printingLater')}</p>}
      {logbookPlaces[place].length > 1 && <LogbookTabs route={route} />}
      {route.view === 'list' && (
        <RecordList
          place={place}
          kind={route.kind}
          filters={filters[route.kind] ?? defaults}
          defaults={defaults}
          onFilters={(next) => setFilters((all) => ({ ...all, [route.kind]: next }))}
        />
      )}
      {route.view === 'record' && <RecordDetail route={route} />}
      {(route.view === 'new' || route.view === 'edit') && <RecordForm key={viewKey} route={route} />}
    </div>
  );
}

function LogbookTabs({ route }: { route: LogbookRoute }) {
  const t = useT();
  return (
    <nav className="logbook-tabs" aria-label={t('logbooks:place.tabs')}>
      {logbookPlaces[route.place].map((kind: LogbookKind) => (
        <a
          key={kind}
          href={logbookHref({ place: route.place, kind, view: 'list' })}
          aria-current={kind === route.kind ? 'page' : undefined}
          data-testid={`tab-${kind}`}
        >
          {t(`logbooks:kind.${kind}`)}
        </a>
      ))}
    </nav>
  );
}

export const LoudspeakerPage = () => <LogbookPage place="loudspeaker" />;
export const OutreachPage = () => <LogbookPage place="outreach" />;
export const LeafletsPage = () => <LogbookPage place="leaflets" />;
