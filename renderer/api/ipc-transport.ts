import type { Transport } from '../../electron/core/contract';

/** The desktop app's transport: the preload's bridge, as is. */
export function ipcTransport(bridge: Transport): Transport {
  return {
    invoke: (method, input) => bridge.invoke(method, input),
    subscribe: (listener) => bridge.subscribe(listener),
    upload: (file) => bridge.upload(file),
    download: (downloadId, fileName) => bridge.download(downloadId, fileName),
    materialUrl: (packId, path) => bridge.materialUrl(packId, path),
    screens: () => bridge.screens(),
    presentOn: (screenId) => bridge.presentOn(screenId),
  };
}
