// The bridge: a few named functions over IPC, nothing else. The renderer never touches
// ipcRenderer; the main process decides what each call may do.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiEvent, Result, ScreenChoice, TransferFile, Transport } from '../core/contract';
import { ipcChannels } from '../core/contract/ipc-channels';

type DomFile = Parameters<typeof webUtils.getPathForFile>[0];

const bridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(ipcChannels.invoke, method, input) as Promise<Result<unknown>>,
  subscribe(listener: (event: ApiEvent) => void) {
    // Only the event itself crosses into the page, never Electron's event object.
    const forward = (_event: IpcRendererEvent, apiEvent: ApiEvent) => listener(apiEvent);
    ipcRenderer.on(ipcChannels.event, forward);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, forward);
    };
  },
  // A file the person picked or dropped is on disk already: pass its path, not its bytes.
  // The path comes from Electron here, in the preload; the page never names a path. A file
  // made in memory (dragged from another page) has no path, so its bytes go instead.
  async upload(file: TransferFile) {
    const onDisk = webUtils.getPathForFile(file as DomFile);
    if (onDisk) return (await ipcRenderer.invoke(ipcChannels.uploadPath, onDisk)) as Result<{ uploadId: string }>;
    return (await ipcRenderer.invoke(ipcChannels.uploadBytes, file.name, await (file as DomFile).arrayBuffer())) as Result<{
      uploadId: string;
    }>;
  },
  download: (downloadId: string, fileName: string) =>
    ipcRenderer.invoke(ipcChannels.saveDownload, downloadId, fileName) as Promise<Result<{ saved: boolean }>>,
  materialUrl: (packId: string, path: string) => `pack://${packId}/${path.split('/').map(encodeURIComponent).join('/')}`,
  screens: () => ipcRenderer.invoke(ipcChannels.screens) as Promise<ScreenChoice[]>,
  presentOn: (screenId: number | null) => ipcRenderer.invoke(ipcChannels.presentOn, screenId) as Promise<boolean>,
} satisfies Transport;

contextBridge.exposeInMainWorld('chieng', bridge);
