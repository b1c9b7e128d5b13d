import { BrowserWindow } from 'electron';
import { appEntryUrl } from './app-origin';
import { secureWebPreferences } from './security';

/** The one window: sized for the common commune laptop (1366×768), shown once painted. */
export function createMainWindow(preload: string, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 720,
    minWidth: 800,
    minHeight: 560,
    title,
    show: false,
    backgroundColor: '#f7f4ee',
    webPreferences: secureWebPreferences(preload),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}
