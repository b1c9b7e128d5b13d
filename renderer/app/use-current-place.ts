import { useSyncExternalStore } from 'react';
import { isPlaceId, type PlaceId } from './places';

const fallbackPlace: PlaceId = 'library';

/** The place is the fragment's first segment; a place may keep its own view after it (`#/library/plans`). */
function placeFromHash(): PlaceId {
  const [id = ''] = window.location.hash.replace(/^#\/?/, '').split('/');
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
