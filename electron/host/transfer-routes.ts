import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { maxUploadBytes } from '../core/contract';
import type { Core } from '../core/core';
import { UploadTooLarge } from '../core/transfers/transfers';
import { sendError, sendResult } from './api-routes';
import { isFromOurPages } from './request-guard';

export const uploadPath = '/api/upload';
export const downloadPrefix = '/api/download/';

/** POST /api/upload?name=<file name>, the raw bytes as the body: returns an upload id. */
export async function handleUpload(core: Core, request: IncomingMessage, response: ServerResponse, port: number, url: URL): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    return sendError(response, 405, { code: 'invalid_input', messageKey: 'errors:api.methodNotAllowed' });
  }
  if (!isFromOurPages(request, port)) return sendError(response, 403, { code: 'forbidden', messageKey: 'errors:api.forbidden' });
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/octet-stream') {
    request.resume();
    return sendError(response, 415, { code: 'invalid_input', messageKey: 'errors:api.mediaTypeUpload' });
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxUploadBytes) {
    response.setHeader('Connection', 'close');
    sendError(response, 413, { code: 'payload_too_large', messageKey: 'errors:api.tooLarge', params: { max: maxUploadBytes } });
    response.once('finish', () => request.destroy());
    return;
  }
  const name = (url.searchParams.get('name') ?? 'upload').normalize('NFC').slice(0, 200);
  try {
    const uploadId = await core.transfers.receiveUpload(request, name, maxUploadBytes);
    sendResult(response, 200, { ok: true, value: { uploadId } });
  } catch (error) {
    if (error instanceof UploadTooLarge)
      return sendError(response, 413, { code: 'payload_too_large', messageKey: 'errors:api.tooLarge', params: { max: maxUploadBytes } });
    throw error;
  }
}

/** GET /api/download/<id>: a file the core prepared, once, as an attachment. */
export function handleDownload(core: Core, request: IncomingMessage, response: ServerResponse, port: number, id: string): void {
  if (request.method !== 'GET') {
    response.setHeader('Allow', 'GET');
    return sendError(response, 405, { code: 'invalid_input', messageKey: 'errors:api.methodNotAllowed' });
  }
  if (!isFromOurPages(request, port)) return sendError(response, 403, { code: 'forbidden', messageKey: 'errors:api.forbidden' });
  const download = core.transfers.download(id);
  if (!download) return sendError(response, 404, { code: 'not_found', messageKey: 'errors:transfer.unknownDownload' });
  response.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': download.size,
    'Content-Disposition': `attachment; filename="${download.fileName.replace(/[^\w.-]/g, '_')}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(download.path)
    .on('error', () => response.destroy())
    .pipe(response)
    .on('finish', () => void core.transfers.finishDownload(id));
}
