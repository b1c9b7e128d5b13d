import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Profile, Session } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';

interface SessionContextValue {
  readonly session: Session;
  /** The person working now, if someone has been chosen. */
  readonly active: Profile | undefined;
  /** Takes the session a profiles call answered with, before its event arrives. */
  readonly apply: (session: Session) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Who is working on this laptop and whether it is locked, as the core says, followed live. */
export function SessionProvider({ initial, children }: { initial: Session; children: ReactNode }) {
  const { client } = useApi();
  const [session, setSession] = useState(initial);
  useEffect(() => client.on('profiles.changed', setSession), [client]);
  const value = useMemo(
    () => ({ session, active: session.profiles.find((profile) => profile.id === session.activeId), apply: setSession }),
    [session],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
