import { useSyncExternalStore } from 'react';
import { isPlaceId, type PlaceId } from './places';

const fallbackPlace: PlaceId = 'library';

function placeFromHash(): PlaceId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return isPlaceId(id) ? id : fallbackPlace;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The place shown, kept in the URL's fragment so it survives a reload and never leaves the page. */
export function useCurrentPlace(): PlaceId {
  return useSyncExternalStore(subscribe, placeFromHash);
}

export const hrefFor = (id: PlaceId) => `#/${id}`;
