import { useMemo, useSyncExternalStore } from 'react';
import type { RegistryName } from '../../../electron/core/contract';

/**
 * Where in the registries the person is, kept in the URL's fragment after `#/registries`
 * (as the library does), so a reload or the back button lands in the same list or form.
 */
export type RegistryRoute =
  | { readonly registry: RegistryName; readonly view: 'list' }
  | { readonly registry: RegistryName; readonly view: 'new' }
  | { readonly registry: RegistryName; readonly view: 'edit'; readonly id: string };

export const registryTabs: readonly RegistryName[] = ['villages', 'figures', 'places'];
// Entry ids are ULIDs (26 capitals and digits), so `new` can never be one.
const newSegment = 'new';

const isRegistry = (value: string | undefined): value is RegistryName => (registryTabs as readonly (string | undefined)[]).includes(value);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseRegistryRoute(hash: string): RegistryRoute {
  const [place, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const [first, second] = rest.filter((segment) => segment !== '').map(decode);
  if (place !== 'registries' || !isRegistry(first)) return { registry: 'villages', view: 'list' };
  if (second === newSegment) return { registry: first, view: 'new' };
  if (second) return { registry: first, view: 'edit', id: second };
  return { registry: first, view: 'list' };
}

export function registryHref(route: RegistryRoute): string {
  const base = `#/registries/${route.registry}`;
  if (route.view === 'new') return `${base}/${newSegment}`;
  if (route.view === 'edit') return `${base}/${encodeURIComponent(route.id)}`;
  return base;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRegistryRoute(): RegistryRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRegistryRoute(hash), [hash]);
}

export function goTo(route: RegistryRoute): void {
  window.location.hash = registryHref(route);
}
