// The IPC channel names, shared by the main process and the preload. Kept free of imports
// so the sandboxed preload bundle stays a few lines.
export const ipcChannels = {
  invoke: 'chieng:invoke',
  event: 'chieng:event',
  uploadPath: 'chieng:upload-path',
  uploadBytes: 'chieng:upload-bytes',
  saveDownload: 'chieng:save-download',
  screens: 'chieng:screens',
  presentOn: 'chieng:present-on',
} as const;
