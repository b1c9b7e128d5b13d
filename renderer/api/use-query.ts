import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import type { ApiError, ApiInput, ApiOutput, EventName, EventPayload, MethodName, Session } from '../../electron/core/contract';
import { useApi } from './api-context';

/** The events that make a query ask again: any of its kind, or those whose payload passes a test. */
export type ReloadOn = { readonly [E in EventName]?: true | ((payload: EventPayload<E>) => boolean) };

export interface QueryOptions {
  readonly on?: ReloadOn;
  /** False: nothing is asked (an empty search), and the query is 'off'. True by default. */
  readonly enabled?: boolean;
  /**
   * While the input changes within one scope, the last answer stays in view until the new one
   * comes (a logbook's list while its filters change, not another logbook's). By default an
   * answer is shown for its own input only.
   */
  readonly scope?: string;
  /** Asks again when this changes, the answer staying in view meanwhile (the data it is read with changed). */
  readonly version?: number;
  /** Checked as an answer arrives: one that may not be shown now (an edit is still being saved) is dropped. */
  readonly accept?: () => boolean;
}

export interface Query<T> {
  /**
   * 'loading': the question as asked now has no answer yet (value and error may still be those
   * of an earlier question in the same scope); 'answered': value and error answer it, though
   * it may be being asked again after an event.
   */
  readonly status: 'off' | 'loading' | 'answered';
  /** The last answer; kept while the same question is asked again, and after a refusal. */
  readonly value: T | undefined;
  /** Why the last question was refused; null once one is answered. */
  readonly error: ApiError | null;
  readonly reload: () => void;
  /**
   * Shows a value the core just returned (after a save) as the answer, without asking again.
   * An answer still on its way replaces it when it comes: it may have been asked after the save.
   */
  readonly show: (value: T) => void;
}

interface Outcome<T> {
  readonly key: string;
  readonly scope: string;
  readonly value: T | undefined;
  readonly error: ApiError | null;
}

const refusedByLock = (error: ApiError | null | undefined) => error?.code === 'forbidden' && error.messageKey === 'profiles:locked';

/**
 * Asks the core `method` with `input`, and again on the events named in `on`. Only the answer
 * to the latest question counts: a slower answer to an earlier one is dropped, so it cannot
 * overwrite a newer one on screen. A question refused because the app was locked is asked
 * again once it is unlocked, whatever the caller listens to.
 */
export function useQuery<M extends MethodName>(method: M, input: ApiInput<M>, options: QueryOptions = {}): Query<ApiOutput<M>> {
  type T = ApiOutput<M>;
  const { client } = useApi();
  const { on = {}, enabled = true, version = 0 } = options;
  // Keyed by value, not identity: callers build their input afresh on each render.
  const serial = JSON.stringify(input);
  const key = `${method}\u0000${serial}`;
  const scope = options.scope ?? key;
  const [outcome, setOutcome] = useState<Outcome<T>>();
  // Each question takes a ticket; an answer is taken only if its ticket is still the latest.
  const asked = useRef(0);
  const settled = useRef(0);
  const accept = useRef(options.accept);
  useLayoutEffect(() => {
    accept.current = options.accept;
  });

  const ask = useCallback(() => {
    const ticket = ++asked.current;
    void client.call(method, JSON.parse(serial) as ApiInput<M>).then((result) => {
      if (ticket !== asked.current) return;
      settled.current = ticket;
      if (accept.current && !accept.current()) return;
      setOutcome((last) =>
        result.ok
          ? { key, scope, value: result.value, error: null }
          : { key, scope, value: last?.scope === scope ? last.value : undefined, error: result.error },
      );
    });
  }, [client, method, serial, key, scope]);

  useEffect(() => {
    if (!enabled) return;
    ask();
    // An answer still on its way is for a question no longer asked.
    return () => {
      asked.current += 1;
    };
  }, [ask, enabled, version]);

  const onEvent = useEffectEvent((name: EventName, payload: unknown) => {
    const test = on[name] as true | ((payload: unknown) => boolean) | undefined;
    if (test === true || test?.(payload)) ask();
  });
  const onSession = useEffectEvent((session: Session) => {
    // Refused because the app was locked, or still on its way (it may come back refused): ask again once unlocked.
    if (!session.locked && (settled.current !== asked.current || refusedByLock(outcome?.error))) ask();
  });
  const events = (Object.keys(on) as EventName[])
    .filter((name) => on[name])
    .sort()
    .join(' ');
  useEffect(() => {
    if (!enabled) return;
    const offs = events
      .split(' ')
      .filter(Boolean)
      .map((name) => client.on(name as EventName, (payload) => onEvent(name as EventName, payload)));
    offs.push(client.on('profiles.changed', onSession));
    return () => offs.forEach((off) => off());
  }, [client, enabled, events]);

  const show = useCallback((value: T) => setOutcome({ key, scope, value, error: null }), [key, scope]);

  if (!enabled) return { status: 'off', value: undefined, error: null, reload: ask, show };
  // Another scope's answer is not this one's.
  if (outcome?.scope !== scope) return { status: 'loading', value: undefined, error: null, reload: ask, show };
  return { status: outcome.key === key ? 'answered' : 'loading', value: outcome.value, error: outcome.error, reload: ask, show };
}
