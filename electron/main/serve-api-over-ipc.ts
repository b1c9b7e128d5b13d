import { copyFile, lstat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { maxUploadBytes } from '../core/contract';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Core } from '../core/core';
import type { Result } from '../core/contract/api-error';
import { ipcChannels } from '../core/contract/ipc-channels';
import { isTrustedSender } from './security';

const forbidden: Result<never> = { ok: false, error: { code: 'forbidden', messageKey: 'errors:api.forbidden' } };

/**
 * The contract over Electron IPC. Only our own window may call (see isTrustedSender); the
 * core then validates every input as it does for HTTP.
 */
export function serveApiOverIpc(core: Core, ourWindow: () => WebContents | undefined): () => void {
  const guarded =
    <A extends unknown[], R>(handler: (event: IpcMainInvokeEvent, ...args: A) => Promise<Result<R>>) =>
    (event: IpcMainInvokeEvent, ...args: A): Promise<Result<R>> =>
      isTrustedSender(event, ourWindow()) ? handler(event, ...args) : Promise.resolve(forbidden);

  ipcMain.handle(
    ipcChannels.invoke,
    guarded((_event, method: unknown, input: unknown) => core.call(method, input)),
  );
  ipcMain.handle(
    ipcChannels.uploadPath,
    guarded((_event, file: unknown) => registerUpload(core, file)),
  );
  ipcMain.handle(
    ipcChannels.uploadBytes,
    guarded((_event, name: unknown, bytes: unknown) => receiveUpload(core, name, bytes)),
  );
  ipcMain.handle(
    ipcChannels.saveDownload,
    guarded((event, downloadId: unknown, fileName: unknown) => saveDownload(core, event.sender, downloadId, fileName)),
  );

  const unsubscribe = core.subscribe((apiEvent) => {
    const contents = ourWindow();
    if (contents && !contents.isDestroyed()) contents.send(ipcChannels.event, apiEvent);
  });
  return () => {
    for (const channel of [ipcChannels.invoke, ipcChannels.uploadPath, ipcChannels.uploadBytes, ipcChannels.saveDownload])
      ipcMain.removeHandler(channel);
    unsubscribe();
  };
}

/** A path from the preload's webUtils: must be an absolute path to a regular file. */
async function registerUpload(core: Core, file: unknown): Promise<Result<{ uploadId: string }>> {
  if (typeof file !== 'string' || file === '' || !path.isAbsolute(file))
    return { ok: false, error: { code: 'invalid_input', messageKey: 'errors:transfer.notAFile', field: 'file' } };
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile()) return { ok: false, error: { code: 'invalid_input', messageKey: 'errors:transfer.notAFile', field: 'file' } };
  return { ok: true, value: { uploadId: core.transfers.registerUploadPath(file, path.basename(file)) } };
}

/** The bytes of a file that exists only in the page's memory, kept like an HTTP upload. */
async function receiveUpload(core: Core, name: unknown, bytes: unknown): Promise<Result<{ uploadId: string }>> {
  if (typeof name !== 'string' || !(bytes instanceof ArrayBuffer) || bytes.byteLength > maxUploadBytes) {
    return { ok: false, error: { code: 'invalid_input', messageKey: 'errors:transfer.notAFile', field: 'file' } };
  }
  const uploadId = await core.transfers.receiveUpload(
    Readable.from([Buffer.from(bytes)]),
    name.normalize('NFC').slice(0, 200),
    maxUploadBytes,
  );
  return { ok: true, value: { uploadId } };
}

/** Asks where to save a prepared file (a USB stick, say) and copies it there. */
async function saveDownload(core: Core, sender: WebContents, downloadId: unknown, fileName: unknown): Promise<Result<{ saved: boolean }>> {
  const download = typeof downloadId === 'string' ? core.transfers.download(downloadId) : undefined;
  if (!download) return { ok: false, error: { code: 'not_found', messageKey: 'errors:transfer.unknownDownload', field: 'downloadId' } };
  const window = BrowserWindow.fromWebContents(sender);
  const suggested = typeof fileName === 'string' && /^[\w.-]{1,200}$/.test(fileName) ? fileName : download.fileName;
  const choice = window
    ? await dialog.showSaveDialog(window, { defaultPath: suggested })
    : await dialog.showSaveDialog({ defaultPath: suggested });
  if (choice.canceled || !choice.filePath) return { ok: true, value: { saved: false } };
  await copyFile(download.path, choice.filePath);
  await core.transfers.finishDownload(downloadId as string);
  return { ok: true, value: { saved: true } };
}
