// The bridge: two named functions over IPC, nothing else. The renderer never touches
// ipcRenderer; the main process decides what each call may do.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiEvent, Result, Transport } from '../core/contract';
import { ipcChannels } from '../core/contract/ipc-channels';

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
} satisfies Transport;

contextBridge.exposeInMainWorld('chieng', bridge);
