import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiError, SessionPlan } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';

export interface PlanEdit {
  readonly title?: string;
  readonly materials?: readonly string[];
}

interface PlansContextValue {
  /** Every plan, most recently changed first; undefined until the core first answers. */
  readonly plans: readonly SessionPlan[] | undefined;
  /** The last thing the core refused, until it is dismissed or the next change succeeds. */
  readonly error: ApiError | null;
  readonly dismissError: () => void;
  readonly create: (title: string) => Promise<SessionPlan | null>;
  /** Changes a plan at once on screen and saves it; undone (with the core's reason) if refused. */
  readonly change: (id: string, edit: (plan: SessionPlan) => PlanEdit) => void;
  readonly remove: (id: string) => Promise<boolean>;
  /** The plan that materials in the list are added to, if one is chosen. */
  readonly activePlan: SessionPlan | undefined;
  readonly setActivePlan: (id: string | null) => void;
}

const PlansContext = createContext<PlansContextValue | null>(null);
const activeKey = 'chieng.library.activePlan';

function readActive(): string | null {
  try {
    return sessionStorage.getItem(activeKey);
  } catch {
    return null;
  }
}

/**
 * Session plans as saved in the core. Edits show at once and are saved one after another,
 * in the order made; once they have all been answered, the list is read back from the core,
 * so what is shown is what is saved.
 */
export function PlansProvider({ children }: { children: ReactNode }) {
  const { client } = useApi();
  const pending = useRef(0);
  // An edit still on its way would be undone on screen by an older list: one that arrives
  // while an edit is pending is dropped, and the list is read again once all are answered.
  const list = useQuery('plans.list', {}, { on: { 'plans.changed': true }, accept: () => pending.current === 0 });
  const plans = list.value?.plans;
  const [error, setError] = useState<ApiError | null>(null);
  const [dismissed, setDismissed] = useState<ApiError | null>(null);
  const [activeId, setActiveId] = useState<string | null>(readActive);
  // What is on screen now, for edits made before the next render.
  const latest = useRef<readonly SessionPlan[] | undefined>(plans);
  useLayoutEffect(() => {
    latest.current = plans;
  }, [plans]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const { show: showList, reload } = list;
  const show = useCallback(
    (next: readonly SessionPlan[]) => {
      latest.current = next;
      showList({ plans: [...next] });
    },
    [showList],
  );

  // Closing or reloading while an edit is still on its way to the core would lose it: the
  // browser asks first, and Electron keeps the window open (closing again works once saved).
  useEffect(() => {
    const guard = (event: Event) => {
      if (pending.current > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, []);

  const change = useCallback(
    (id: string, edit: (plan: SessionPlan) => PlanEdit) => {
      const current = latest.current?.find((plan) => plan.id === id);
      if (!current) return;
      setError(null);
      const patch = edit(current);
      const next: SessionPlan = { ...current, title: patch.title ?? current.title, materials: [...(patch.materials ?? current.materials)] };
      show((latest.current ?? []).map((plan) => (plan.id === id ? next : plan)));
      pending.current += 1;
      queue.current = queue.current.then(async () => {
        const saved = await client.call('plans.save', { id, title: next.title, materials: next.materials });
        pending.current -= 1;
        if (!saved.ok) setError(saved.error);
        if (pending.current === 0) reload();
      });
    },
    [client, reload, show],
  );

  const create = useCallback(
    async (title: string) => {
      const saved = await client.call('plans.save', { title, materials: [] });
      if (!saved.ok) {
        setError(saved.error);
        return null;
      }
      setError(null);
      show([saved.value, ...(latest.current ?? []).filter((plan) => plan.id !== saved.value.id)]);
      return saved.value;
    },
    [client, show],
  );

  const setActivePlan = useCallback((id: string | null) => {
    setActiveId(id);
    try {
      if (id) sessionStorage.setItem(activeKey, id);
      else sessionStorage.removeItem(activeKey);
    } catch {
      // Without session storage the choice lasts until the page reloads; nothing more is lost.
    }
  }, []);

  const remove = useCallback(
    async (id: string) => {
      const removed = await client.call('plans.remove', { id });
      if (!removed.ok) {
        setError(removed.error);
        return false;
      }
      setError(null);
      show((latest.current ?? []).filter((plan) => plan.id !== id));
      return true;
    },
    [client, show],
  );

  const listError = list.error === dismissed ? null : list.error;
  const dismissError = useCallback(() => {
    setError(null);
    setDismissed(list.error);
  }, [list.error]);
  const activePlan = activeId ? plans?.find((plan) => plan.id === activeId) : undefined;

  const value = useMemo(
    () => ({ plans, error: error ?? listError, dismissError, create, change, remove, activePlan, setActivePlan }),
    [plans, error, listError, dismissError, create, change, remove, activePlan, setActivePlan],
  );
  return <PlansContext.Provider value={value}>{children}</PlansContext.Provider>;
}

export function usePlans(): PlansContextValue {
  const value = useContext(PlansContext);
  if (!value) throw new Error('usePlans outside PlansProvider');
  return value;
}
