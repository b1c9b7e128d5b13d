// The browser host: the same UI and the same API as the desktop app, over HTTP on
// loopback, for browsers and for end-to-end tests.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/core';
import { apiCallPrefix, apiEventsPath, handleApiCall, handleEvents, sendError } from './api-routes';
import { isAddressedToUs } from './request-guard';
import { handleUi } from './ui-route';
import { downloadPrefix, handleDownload, handleUpload, uploadPath } from './transfer-routes';
import { handleMaterial, materialPrefix } from './material-route';

export interface HostOptions {
  readonly core: Core;
  readonly rendererDir: string;
  /** 0 picks any free port. */
  readonly port: number;
  readonly log?: (message: string, error: unknown) => void;
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export const hostAddress = '127.0.0.1';

export function startHost(options: HostOptions): Promise<RunningHost> {
  const { core, rendererDir } = options;
  const log = options.log ?? ((message, error) => console.error(message, error));
  let port = options.port;

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host.invalid');
    const route = async () => {
      if (!isAddressedToUs(request, port)) {
        return sendError(response, 421, { code: 'forbidden', messageKey: 'errors:api.forbidden' });
      }
      if (url.pathname.startsWith(apiCallPrefix)) {
        // The method name travels as-is; a malformed escape simply names no method.
        const method = safeDecode(url.pathname.slice(apiCallPrefix.length));
        return handleApiCall(core, request, response, port, method);
      }
      if (url.pathname === apiEventsPath) return handleEvents(core, request, response, port);
      if (url.pathname === uploadPath) return handleUpload(core, request, response, port, url);
      if (url.pathname.startsWith(downloadPrefix))
        return handleDownload(core, request, response, port, url.pathname.slice(downloadPrefix.length));
      if (url.pathname.startsWith(materialPrefix))
        return handleMaterial(core, request, response, port, (request.url ?? '').split('?')[0]?.slice(materialPrefix.length) ?? '');
      if (url.pathname.startsWith('/api/')) {
        return sendError(response, 404, { code: 'unknown_method', messageKey: 'errors:api.notFound' });
      }
      return handleUi(rendererDir, request, response, request.url ?? '/');
    };
    route().catch((error: unknown) => {
      log('chieng: host request failed', error);
      if (!response.headersSent) sendError(response, 500, { code: 'internal', messageKey: 'errors:api.internal' });
      else response.destroy();
    });
  });
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, hostAddress, () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${hostAddress}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Event streams never end by themselves.
            server.closeAllConnections();
          }),
      });
    });
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
