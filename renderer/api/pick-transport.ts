import type { Transport } from '../../electron/core/contract';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';

export type TransportKind = 'ipc' | 'http';

/** IPC when the desktop app's preload is there, HTTP to the host otherwise. */
export function pickTransport(): { kind: TransportKind; transport: Transport } {
  return window.chieng ? { kind: 'ipc', transport: ipcTransport(window.chieng) } : { kind: 'http', transport: httpTransport() };
}
