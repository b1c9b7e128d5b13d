import { useMemo, useSyncExternalStore } from 'react';

/**
 * Where in the library the person is, kept in the URL's fragment after `#/library` so that
 * a reload, the back button and a link from elsewhere all land in the same place. The
 * shell shows the library for any `#/library/…` fragment; this reads the rest.
 */
export type LibraryRoute =
  | { readonly view: 'browse' }
  | { readonly view: 'material'; readonly packId: string; readonly itemId: string }
  | { readonly view: 'plans' }
  | { readonly view: 'plan'; readonly planId: string };

// Pack ids have at least three dotted labels, so `plans` can never be one.
const plansSegment = 'plans';

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseLibraryRoute(hash: string): LibraryRoute {
  const [place, ...rest] = hash.replace(/^#\/?/, '').split('/');
  if (place !== 'library') return { view: 'browse' };
  const [first, second] = rest.filter((segment) => segment !== '').map(decode);
  if (first === plansSegment) return second ? { view: 'plan', planId: second } : { view: 'plans' };
  if (first && second) return { view: 'material', packId: first, itemId: second };
  return { view: 'browse' };
}

export function libraryHref(route: LibraryRoute): string {
  switch (route.view) {
    case 'browse':
      return '#/library';
    case 'plans':
      return `#/library/${plansSegment}`;
    case 'plan':
      return `#/library/${plansSegment}/${encodeURIComponent(route.planId)}`;
    case 'material':
      return `#/library/${encodeURIComponent(route.packId)}/${encodeURIComponent(route.itemId)}`;
  }
}

export const materialHref = (material: { readonly packId: string; readonly itemId: string }) =>
  libraryHref({ view: 'material', packId: material.packId, itemId: material.itemId });

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useLibraryRoute(): LibraryRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseLibraryRoute(hash), [hash]);
}

export function navigate(route: LibraryRoute): void {
  window.location.hash = libraryHref(route);
}
