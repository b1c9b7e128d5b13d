import type { Transport } from '../electron/core/contract';

declare global {
  interface Window {
    /** Present only in the desktop app, where the preload exposes the IPC bridge. */
    readonly chieng?: Transport;
  }
}
