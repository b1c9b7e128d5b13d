import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents, isTrustedSender } from '../../../electron/main/security';

// Electron's runtime is not needed to check what our handlers decide: these stand-ins
// carry the same events and hooks the real WebContents and Session do.
function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
  });
  hardenWebContents(contents as unknown as WebContents);
  const attempt = (event: string, url: string) => {
    let prevented = false;
    emitter.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, attempt, openWindow: (url: string) => openHandler?.({ url }) };
}

describe('window hardening', () => {
  it('refuses navigation away from the app, and allows it within', () => {
    const { attempt } = fakeContents();
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'http://127.0.0.1:8780/',
      'app://other/index.html',
      'javascript:alert(1)',
    ]) {
      expect(attempt('will-navigate', url), url).toBe(true);
      expect(attempt('will-redirect', url), url).toBe(true);
    }
    expect(attempt('will-navigate', 'app://chieng/index.html#/settings')).toBe(false);
  });

  it('refuses every new window and every webview', () => {
    const { openWindow, attempt } = fakeContents();
    expect(openWindow('https://example.com/')).toEqual({ action: 'deny' });
    expect(openWindow('app://chieng/index.html')).toEqual({ action: 'deny' });
    expect(attempt('will-attach-webview', '')).toBe(true);
  });

  it('grants only full screen, only to our pages, and no download', () => {
    const decisions: [string, string, boolean][] = [];
    let check: ((contents: unknown, permission: string, origin: string) => boolean) | undefined;
    let device: (() => boolean) | undefined;
    const events = new EventEmitter();
    const page = { getURL: () => 'app://chieng/index.html' };
    const session = Object.assign(events, {
      setPermissionRequestHandler: (
        handler: (c: unknown, p: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void,
      ) => {
        for (const url of ['app://chieng/index.html', 'https://example.com/']) {
          for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
            handler(page, permission, (granted) => decisions.push([url, permission, granted]), { requestingUrl: url });
          }
        }
      },
      setPermissionCheckHandler: (handler: typeof check) => (check = handler),
      setDevicePermissionHandler: (handler: () => boolean) => (device = handler),
    });
    hardenSession(session as unknown as Session);
    expect(decisions.filter(([, , granted]) => granted)).toEqual([['app://chieng/index.html', 'fullscreen', true]]);
    expect(check?.(page, 'fullscreen', 'app://chieng')).toBe(true);
    expect(check?.(page, 'media', 'app://chieng')).toBe(false);
    expect(check?.(page, 'fullscreen', 'https://example.com')).toBe(false);
    expect(device?.()).toBe(false);
    let prevented = false;
    events.emit('will-download', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('IPC senders', () => {
  const ours = { id: 1 } as unknown as WebContents;
  const frame = (url: string, parent: unknown = null) => ({ url, parent }) as never;

  it('trusts only our window, its top frame, on our origin', () => {
    expect(isTrustedSender({ sender: ours, senderFrame: frame('app://chieng/index.html') }, ours)).toBe(true);
    expect(isTrustedSender({ sender: { id: 2 } as unknown as WebContents, senderFrame: frame('app://chieng/index.html') }, ours)).toBe(
      false,
    );
    expect(isTrustedSender({ sender: ours, senderFrame: frame('https://example.com/') }, ours)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: frame('app://chieng/index.html', {}) }, ours)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: null }, ours)).toBe(false);
    expect(isTrustedSender({ sender: ours, senderFrame: frame('app://chieng/index.html') }, undefined)).toBe(false);
  });
});
