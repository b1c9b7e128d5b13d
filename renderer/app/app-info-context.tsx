import { createContext, useContext, type ReactNode } from 'react';
import type { AppInfo } from '../../electron/core/contract';

const AppInfoContext = createContext<AppInfo | null>(null);

export function AppInfoProvider({ value, children }: { value: AppInfo; children: ReactNode }) {
  return <AppInfoContext.Provider value={value}>{children}</AppInfoContext.Provider>;
}

export function useAppInfo(): AppInfo {
  const value = useContext(AppInfoContext);
  if (!value) throw new Error('useAppInfo outside AppInfoProvider');
  return value;
}
