import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveUiLanguage } from '../locales';
import { ApiProvider } from './api/api-context';
import { createApiClient } from './api/client';
import { pickTransport } from './api/pick-transport';
import { App } from './app/App';
import { AppInfoProvider } from './app/app-info-context';
import { SessionProvider } from './features/profiles/session-context';
import { SettingsProvider } from './features/settings/settings-context';
import { i18next, initI18n } from './i18n/i18n';
import './styles/fonts.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/settings.css';
import './styles/packs.css';
import './styles/present.css';
import './styles/viewers.css';
import './styles/library.css';
import './styles/logbooks.css';
import './styles/forms.css';
import './styles/registries.css';
import './styles/profiles.css';

async function boot(root: HTMLElement): Promise<void> {
  const { kind, transport } = pickTransport();
  const client = createApiClient(transport);
  // The session is known before anything renders, so a locked app never shows, even for a moment, what it hides.
  const [settings, info, session] = await Promise.all([
    client.call('settings.get', {}),
    client.call('app.info', {}),
    client.call('profiles.session', {}),
  ]);
  if (!settings.ok || !info.ok || !session.ok) {
    // Without the core there is nothing to show but this; say it in the default language.
    await initI18n(resolveUiLanguage(navigator.language));
    root.textContent = i18next.t('common:connection.lost');
    root.className = 'boot-failure';
    return;
  }
  await initI18n(settings.value.locale);
  createRoot(root).render(
    <StrictMode>
      <ApiProvider value={{ client, transportKind: kind }}>
        <AppInfoProvider value={info.value}>
          <SettingsProvider initial={settings.value}>
            <SessionProvider initial={session.value}>
              <App />
            </SessionProvider>
          </SettingsProvider>
        </AppInfoProvider>
      </ApiProvider>
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void boot(root);
