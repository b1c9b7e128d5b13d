import { BrowserWindow, ipcMain, screen, type IpcMainInvokeEvent, type Rectangle, type WebContents } from 'electron';
import type { ScreenChoice } from '../core/contract';
import { ipcChannels } from '../core/contract/ipc-channels';
import { isTrustedSender } from './security';

/**
 * Presenting on a projector: the page asks which screens there are and moves its window to
 * one; the window's place before is remembered, to come back to after the meeting.
 */
export function servePresentationScreens(ourWindow: () => WebContents | undefined): void {
  let before: Rectangle | undefined;
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, ourWindow());

  ipcMain.handle(ipcChannels.screens, (event): ScreenChoice[] => {
    if (!trusted(event)) return [];
    const window = BrowserWindow.fromWebContents(event.sender);
    const current = window ? screen.getDisplayMatching(window.getBounds()).id : undefined;
    const primary = screen.getPrimaryDisplay().id;
    return screen.getAllDisplays().map((display, index) => ({
      id: display.id,
      label: display.label || `${index + 1}`,
      width: display.size.width,
      height: display.size.height,
      primary: display.id === primary,
      current: display.id === current,
    }));
  });

  ipcMain.handle(ipcChannels.presentOn, (event, screenId: unknown): boolean => {
    if (!trusted(event)) return false;
    const window = BrowserWindow.fromWebContents(event.sender);
    if (!window) return false;
    if (screenId === null) {
      window.setFullScreen(false);
      if (before) window.setBounds(before);
      before = undefined;
      return true;
    }
    const display = screen.getAllDisplays().find((each) => each.id === screenId);
    if (!display || typeof screenId !== 'number') return false;
    before ??= window.getBounds();
    window.setFullScreen(false);
    window.setBounds(display.bounds);
    window.setFullScreen(true);
    return true;
  });
}
