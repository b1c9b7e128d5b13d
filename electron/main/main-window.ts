import { BrowserWindow } from 'electron';
import { appEntryUrl } from './app-origin';

/**
 * The one window: sized for the common commune laptop (1366×768), shown once painted.
 * Its webPreferences are written out here, literally, so that reviewers and scanners see
 * exactly what the window runs with.
 */
export function createMainWindow(preload: string, title: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 720,
    minWidth: 800,
    minHeight: 560,
    title,
    show: false,
    backgroundColor: '#f7f4ee',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // A middle click would otherwise try to open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}
