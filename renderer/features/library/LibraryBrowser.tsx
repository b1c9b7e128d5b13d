import { useCallback, useMemo, useState } from 'react';
import type { ListedMaterial } from '../../../electron/core/contract';
import { formatNumber } from '../../i18n/format';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { localizedText } from './localized-text';
import { Filters } from './Filters';
import { MaterialList, type ListEntry } from './MaterialList';
import { PlanBar } from './PlanBar';
import { usePlans } from './plans-context';
import { SearchBox } from './SearchBox';
import { hasFilters, useFilteredMaterials, type LibraryData, type LibraryFilters } from './use-library';
import { useSearch } from './use-search';

interface LibraryBrowserProps {
  readonly library: LibraryData;
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly filters: LibraryFilters;
  readonly onFilters: (filters: LibraryFilters) => void;
  readonly returnTo: string | null;
}

/** Long queries (a pasted page) are echoed back shortened. */
const echo = (query: string) => (query.length > 80 ? `${query.slice(0, 80)}…` : query);

/** Browse and search: the search field, the filters, the plan being filled, and the list. */
export function LibraryBrowser({ library, query, onQuery, filters, onFilters, returnTo }: LibraryBrowserProps) {
  const t = useT();
  const describe = useMessage();
  const { activePlan, change } = usePlans();
  const [announcement, setAnnouncement] = useState('');
  const filtered = useFilteredMaterials(filters, library);
  const search = useSearch(query, filters, library.revision);

  const hits = search.phase === 'done' ? search.hits : search.phase === 'searching' ? (search.last ?? null) : null;
  const entries = useMemo((): readonly ListEntry[] | undefined => {
    if (search.phase === 'idle') return filtered.materials?.map((material) => ({ material }));
    return (hits ?? []).flatMap((hit) => {
      const material = library.byId.get(hit.id);
      return material ? [{ material, hit }] : [];
    });
  }, [search.phase, filtered.materials, hits, library.byId]);

  const planId = activePlan?.id;
  const planTitle = activePlan?.title ?? null;
  const planMaterials = useMemo(() => new Set(activePlan?.materials ?? []), [activePlan?.materials]);
  const onTogglePlan = useCallback(
    (material: ListedMaterial) => {
      if (!planId) return;
      const title = localizedText(material.title).text;
      change(planId, (plan) => {
        const included = plan.materials.includes(material.id);
        setAnnouncement(t(included ? 'library:plan.takenOut' : 'library:plan.added', { title, plan: plan.title }));
        return { materials: included ? plan.materials.filter((id) => id !== material.id) : [...plan.materials, material.id] };
      });
    },
    [planId, change, t],
  );

  const problem = search.phase === 'failed' ? search.error : (filtered.error ?? library.error);
  const searching = search.phase !== 'idle';
  // Before every row has arrived, the list knows how many there are and shows the first.
  const count = searching ? entries?.length : filtered.total;
  const libraryTotal = library.materials?.length ?? library.firstRows?.total;

  return (
    <div className="library-browser">
      <div className="library-toolbar">
        <SearchBox initial={query} onQuery={onQuery} />
        <Filters filters={filters} library={library} onChange={onFilters} />
      </div>
      <PlanBar />
      {problem && (
        <p className="field-error" role="alert">
          {describe(problem)}
        </p>
      )}
      <p className="library-status" role="status" data-testid="library-status">
        {statusText()}
      </p>
      {libraryTotal === 0 && !searching && (
        <p className="library-empty" data-testid="library-empty">
          {t('library:empty.noPacks')} <a href="#/sync">{t('library:empty.toSync')}</a>
        </p>
      )}
      {search.phase === 'done' && search.hits.length === 0 && (
        <p className="library-empty" data-testid="search-empty">
          {t('library:search.noneHint')}
        </p>
      )}
      {entries && entries.length > 0 && (
        <MaterialList
          entries={entries}
          count={count ?? entries.length}
          packs={library.packs}
          label={searching ? t('library:search.resultsLabel') : t('library:listLabel')}
          testId={searching ? 'search-hit' : 'material-row'}
          planTitle={planTitle}
          planMaterials={planMaterials}
          onTogglePlan={onTogglePlan}
          returnTo={returnTo}
        />
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );

  function statusText(): string {
    switch (search.phase) {
      case 'idle':
        if (count === undefined) return t('common:loading');
        return hasFilters(filters)
          ? t('library:count.filtered', { count, total: formatNumber(libraryTotal ?? 0) })
          : t('library:count.all', { count });
      case 'searching':
        return t('library:search.searching');
      case 'failed':
        return t('library:search.failed');
      case 'done':
        if (search.total === 0) return t('library:search.none', { query: echo(search.query) });
        return search.total > search.hits.length
          ? t('library:search.someOf', { count: search.hits.length, total: formatNumber(search.total), query: echo(search.query) })
          : t('library:search.found', { count: search.total, query: echo(search.query) });
    }
  }
}
