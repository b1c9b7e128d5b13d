import { useMemo, useSyncExternalStore } from 'react';
import type { LogbookKind } from '../../../electron/core/contract';

/** The places that keep logbooks, and the logbooks each one holds (the first is shown first). */
export const logbookPlaces = {
  loudspeaker: ['loudspeaker'],
  outreach: ['figureOutreach', 'worshipOutreach', 'rumour'],
  leaflets: ['leafletHandout'],
} as const satisfies Record<string, readonly [LogbookKind, ...LogbookKind[]]>;
export type LogbookPlace = keyof typeof logbookPlaces;

export type LogbookView =
  | { readonly view: 'list' }
  | { readonly view: 'new' }
  | { readonly view: 'record'; readonly month: string; readonly id: string }
  | { readonly view: 'edit'; readonly month: string; readonly id: string };

export type LogbookRoute = { readonly place: LogbookPlace; readonly kind: LogbookKind } & LogbookView;

const monthPattern = /^\d{4}-\d{2}$/;

/**
 * Where in a logbook place the person is, after the place in the URL's fragment:
 * `#/loudspeaker/new`, `#/outreach/rumour/2026-11/<id>/edit`. A place with one logbook
 * leaves its kind out. A reload, the back button and a link all land in the same view.
 */
export function parseLogbookRoute(place: LogbookPlace, hash: string): LogbookRoute {
  const kinds: readonly LogbookKind[] = logbookPlaces[place];
  const segments = hash
    .replace(/^#\/?/, '')
    .split('/')
    .slice(1)
    .filter((segment) => segment !== '')
    .map(decode);
  const kind = kinds.length > 1 && kinds.includes(segments[0] as LogbookKind) ? (segments.shift() as LogbookKind) : kinds[0];
  const [first, second, third] = segments;
  const at = { place, kind: kind ?? logbookPlaces[place][0] };
  if (first === 'new' && second === undefined) return { ...at, view: 'new' };
  if (first && monthPattern.test(first) && second) return { ...at, view: third === 'edit' ? 'edit' : 'record', month: first, id: second };
  return { ...at, view: 'list' };
}

export function logbookHref(route: LogbookRoute): string {
  const kindSegment = logbookPlaces[route.place].length > 1 ? `/${route.kind}` : '';
  const base = `#/${route.place}${kindSegment}`;
  switch (route.view) {
    case 'list':
      return base;
    case 'new':
      return `${base}/new`;
    case 'record':
      return `${base}/${route.month}/${encodeURIComponent(route.id)}`;
    case 'edit':
      return `${base}/${route.month}/${encodeURIComponent(route.id)}/edit`;
  }
}

/** The month a record is kept in: that of the time it happened. */
export const recordMonth = (occurredAt: string) => occurredAt.slice(0, 7);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useLogbookRoute(place: LogbookPlace): LogbookRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseLogbookRoute(place, hash), [place, hash]);
}

export function goTo(route: LogbookRoute): void {
  window.location.hash = logbookHref(route);
}
