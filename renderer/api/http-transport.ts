import type { ApiEvent, Result, Transport } from '../../electron/core/contract';

const unreachable: Result<never> = { ok: false, error: { code: 'unavailable', messageKey: 'errors:api.unreachable' } };

/** The browser's transport: JSON over HTTP to the host, and its event stream. */
export function httpTransport(base: string = '/api/'): Transport {
  return {
    async invoke(method, input) {
      let response: Response;
      try {
        response = await fetch(`${base}call/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
      } catch {
        return unreachable;
      }
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return unreachable;
      }
    },
    async upload(file) {
      try {
        const response = await fetch(`${base}upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: file as File,
        });
        return (await response.json()) as Result<{ uploadId: string }>;
      } catch {
        return unreachable;
      }
    },
    download(downloadId, fileName) {
      // The browser saves it where the person says (a USB stick, say), as any download.
      const link = document.createElement('a');
      link.href = `${base}download/${encodeURIComponent(downloadId)}`;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      return Promise.resolve({ ok: true, value: { saved: true } });
    },
    // A browser tab cannot choose a screen: the browser's own full screen is what it has.
    screens: () => Promise.resolve([]),
    presentOn: () => Promise.resolve(false),
    materialUrl: (packId, path) => `${base}material/${encodeURIComponent(packId)}/${path.split('/').map(encodeURIComponent).join('/')}`,
    subscribe(listener) {
      const source = new EventSource(`${base}events`);
      source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as ApiEvent);
      return () => source.close();
    },
  };
}
