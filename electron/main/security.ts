// Window hardening in one place: what a page may open, where it may go, what it may ask for.
import type { App, IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** Refuses navigation away, new windows and webviews, for every web contents the app creates. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Only what a feature needs: full screen, for presenting at a village meeting. No camera,
 * microphone, location, notifications, clipboard reading, … and only for our own pages.
 */
const permissionsFeaturesNeed = new Set(['fullscreen']);

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(permissionsFeaturesNeed.has(permission) && isAppUrl(details.requestingUrl || contents.getURL())),
  );
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => permissionsFeaturesNeed.has(permission) && isAppUrl(requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

export function hardenApp(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

/** An IPC call is ours only if it comes from our window's top frame, showing our own origin. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, ours: WebContents | undefined): boolean {
  const frame = event.senderFrame;
  return ours !== undefined && event.sender === ours && frame !== null && frame.parent === null && isAppUrl(frame.url);
}
