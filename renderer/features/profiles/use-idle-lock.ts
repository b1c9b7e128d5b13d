import { useEffect } from 'react';
import { useApi } from '../../api/api-context';
import { useSession } from './session-context';

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks the app when no one has touched the keyboard or mouse for the idle time, if the
 * person working has a PIN. The core enforces the lock; this only notices the idleness.
 * `paused` while presenting: the village is watching the screen, not touching it.
 */
export function useIdleLock(paused: boolean): void {
  const { client } = useApi();
  const { session, active } = useSession();
  const limitMs = session.idleLockMinutes * 60_000;
  const armed = !paused && !session.locked && active?.hasPin === true && limitMs > 0;

  useEffect(() => {
    if (!armed) return;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const onActivity = () => {
      last = Date.now();
    };
    // One timer for the time left, rather than a new one on every mouse move.
    const check = () => {
      const idle = Date.now() - last;
      if (idle >= limitMs) void client.call('profiles.lock', {});
      else timer = setTimeout(check, limitMs - idle);
    };
    for (const name of activityEvents) window.addEventListener(name, onActivity, { passive: true, capture: true });
    timer = setTimeout(check, limitMs);
    return () => {
      clearTimeout(timer);
      for (const name of activityEvents) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [armed, limitMs, client]);
}
