import { useMemo, useSyncExternalStore } from 'react';
import { presentTargetFromHash, type PresentTarget } from './present-route';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** What is being presented, if the address says so. */
export function usePresentTarget(): PresentTarget | undefined {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => presentTargetFromHash(hash), [hash]);
}

/** Back to where the presenter came from (the plan, the material), or to the library. */
export function leavePresentation(): void {
  if (window.history.length > 1) window.history.back();
  else window.location.hash = '#/library';
}
