import { ipcMain, type WebContents } from 'electron';
import type { Core } from '../core/core';
import type { Result } from '../core/contract/api-error';
import { ipcChannels } from '../core/contract/ipc-channels';
import { isTrustedSender } from './security';

/**
 * The contract over Electron IPC. Only our own window may call (see isTrustedSender); the
 * core then validates every input as it does for HTTP.
 */
export function serveApiOverIpc(core: Core, ourWindow: () => WebContents | undefined): () => void {
  ipcMain.handle(ipcChannels.invoke, (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, ourWindow())) {
      return Promise.resolve({ ok: false, error: { code: 'forbidden', messageKey: 'errors:api.forbidden' } });
    }
    return core.call(method, input);
  });
  const unsubscribe = core.subscribe((apiEvent) => {
    const contents = ourWindow();
    if (contents && !contents.isDestroyed()) contents.send(ipcChannels.event, apiEvent);
  });
  return () => {
    ipcMain.removeHandler(ipcChannels.invoke);
    unsubscribe();
  };
}
