import { describe, expect, it, vi } from 'vitest';

// The real BrowserWindow needs Electron's runtime; this stand-in records what the app asks
// of it, which is what matters: the options are the security boundary.
const created = vi.hoisted(() => [] as { options: Record<string, unknown>; loaded: string[] }[]);
vi.mock('electron', () => ({
  BrowserWindow: class {
    readonly loaded: string[] = [];
    constructor(options: Record<string, unknown>) {
      created.push({ options, loaded: this.loaded });
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
  },
}));

const { createMainWindow } = await import('../../../electron/main/main-window');

describe('the main window', () => {
  it('is sandboxed and isolated, without Node, with web security on, and loads the app origin', () => {
    createMainWindow('/app/dist/preload/index.cjs', 'Chiêng');
    const [window] = created;
    expect(window?.options.webPreferences).toEqual({
      preload: '/app/dist/preload/index.cjs',
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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window?.loaded).toEqual(['app://chieng/index.html']);
  });
});
