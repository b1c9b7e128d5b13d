import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from './client';
import type { TransportKind } from './pick-transport';

interface ApiContextValue {
  readonly client: ApiClient;
  readonly transportKind: TransportKind;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export function ApiProvider({ value, children }: { value: ApiContextValue; children: ReactNode }) {
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi outside ApiProvider');
  return value;
}
