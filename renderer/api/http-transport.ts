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
    subscribe(listener) {
      const source = new EventSource(`${base}events`);
      source.onmessage = (message: MessageEvent<string>) => listener(JSON.parse(message.data) as ApiEvent);
      return () => source.close();
    },
  };
}
