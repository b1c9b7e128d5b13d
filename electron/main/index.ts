// The desktop app's main process: lifecycle only. The core does the work; this file wires
// it to a window, a protocol, IPC and a menu.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { callTyped, openCore, type Core } from '../core/core';
import { DataDirError } from '../core/data-dir/data-dir-error';
import { describeDataDirError } from '../core/data-dir/describe-data-dir-error';
import { defaultDataDir } from '../core/data-dir/default-data-dir';
import { createTranslator } from '../core/i18n/translator';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { servePackProtocol } from './pack-protocol';
import { servePresentationScreens } from './presentation-screens';
import { dataDirArgument } from './command-line';
import { serveApiOverIpc } from './serve-api-over-ipc';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu';
import { hardenApp, hardenSession } from './security';

const distDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const rendererDir = path.join(distDir, 'renderer');
const resourcesDir = path.join(distDir, '..', 'resources');
const embeddedPacksDir = path.join(distDir, 'embedded-packs');
const preloadPath = path.join(distDir, 'preload', 'index.cjs');

// The same folder the CLI and host use by default; --data-dir gives tests and several
// profiles their own. Electron's single-instance lock is per userData, so set it first.
const dataDir = path.resolve(dataDirArgument(process.argv) ?? defaultDataDir());
app.setPath('userData', dataDir);
app.enableSandbox();
hardenApp(app);
registerAppScheme();

let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => fail(error));
}

async function start(): Promise<void> {
  let core: Core;
  try {
    core = await openCore({ dataDir, kind: 'desktop', appVersion: app.getVersion(), resourcesDir, embeddedPacksDir });
  } catch (error) {
    return fail(error);
  }
  hardenSession(session.defaultSession);
  serveAppProtocol(session.defaultSession, rendererDir);
  servePackProtocol(session.defaultSession, core.library);
  serveApiOverIpc(core, () => mainWindow?.webContents);
  servePresentationScreens(() => mainWindow?.webContents);

  const applyMenu = (locale: string) => {
    const { t } = createTranslator(locale);
    const about = () =>
      void dialog.showMessageBox({
        type: 'info',
        title: t('menu:about'),
        message: 'Chiêng',
        detail: t('menu:aboutDetail', { version: app.getVersion(), dataDir: core.dataDir }),
        buttons: [t('menu:ok')],
      });
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(t, { about })));
  };
  const settings = await callTyped(core, 'settings.get', {});
  applyMenu(settings.ok ? settings.value.locale : 'vi');
  core.subscribe((event) => {
    if (event.name === 'settings.changed') applyMenu(event.payload.locale);
  });

  core.library.prepare();
  mainWindow = createMainWindow(preloadPath, 'Chiêng');
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  app.on('will-quit', () => void core.close());
}

/** Says why the app cannot start, in Vietnamese unless told otherwise, then exits non-zero. */
function fail(error: unknown): void {
  const { t } = createTranslator(process.env.CHIENG_LANG);
  let message: string;
  if (error instanceof DataDirError) message = describeDataDirError(error, t);
  else message = error instanceof Error ? error.message : String(error);
  console.error(`chieng: ${message}`);
  dialog.showErrorBox(t('menu:startFailed'), message);
  app.exit(1);
}
