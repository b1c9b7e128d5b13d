import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ApiError, Settings, SettingsPatch } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { i18next } from '../../i18n/i18n';

interface SettingsContextValue {
  readonly settings: Settings;
  /** Saves in the core; resolves with the error when the core refused, null when saved. */
  readonly update: (patch: SettingsPatch) => Promise<ApiError | null>;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

/**
 * The device's settings, as saved in the core. Applies the language and text size to the
 * whole page, and follows changes made elsewhere (another window, another browser tab).
 */
export function SettingsProvider({ initial, children }: { initial: Settings; children: ReactNode }) {
  const { client } = useApi();
  const [settings, setSettings] = useState(initial);

  useEffect(() => client.on('settings.changed', setSettings), [client]);

  useEffect(() => {
    document.documentElement.lang = settings.locale;
    if (i18next.language !== settings.locale) void i18next.changeLanguage(settings.locale);
  }, [settings.locale]);

  useEffect(() => {
    document.documentElement.style.fontSize = `${settings.textScale}%`;
  }, [settings.textScale]);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      // Shown at once, so a choice never seems to bounce back while it is being saved;
      // undone if the core refuses it.
      let previous: Settings | undefined;
      setSettings((current) => {
        previous = current;
        return { ...current, ...patch };
      });
      const result = await client.call('settings.update', patch);
      if (!result.ok) {
        if (previous) setSettings(previous);
        return result.error;
      }
      setSettings(result.value);
      return null;
    },
    [client],
  );

  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
