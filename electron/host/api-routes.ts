import type { IncomingMessage, ServerResponse } from 'node:http';
import { maxInputBytes } from '../core/contract';
import type { ApiError, Result } from '../core/contract/api-error';
import type { Core } from '../core/core';
import { httpStatusFor } from './http-status';
import { isFromOurPages, readBody } from './request-guard';

export const apiCallPrefix = '/api/call/';
export const apiEventsPath = '/api/events';

/** POST /api/call/<method> with a JSON body: the contract's call, over HTTP. */
export async function handleApiCall(
  core: Core,
  request: IncomingMessage,
  response: ServerResponse,
  port: number,
  method: string,
): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    return sendError(response, 405, { code: 'invalid_input', messageKey: 'errors:api.methodNotAllowed' });
  }
  if (!isFromOurPages(request, port)) return sendError(response, 403, { code: 'forbidden', messageKey: 'errors:api.forbidden' });
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    request.resume();
    return sendError(response, 415, { code: 'invalid_input', messageKey: 'errors:api.mediaType' });
  }
  const body = await readBody(request, maxInputBytes);
  if (body.kind === 'too-large') {
    response.setHeader('Connection', 'close');
    sendError(response, 413, { code: 'payload_too_large', messageKey: 'errors:api.tooLarge', params: { max: maxInputBytes } });
    // Stop reading the rest of an oversized body: the connection closes after the reply.
    response.once('finish', () => request.destroy());
    return;
  }
  let input: unknown;
  try {
    input = JSON.parse(body.text);
  } catch {
    return sendError(response, 400, { code: 'invalid_input', messageKey: 'errors:api.notJson' });
  }
  const result = await core.call(method, input);
  sendResult(response, result.ok ? 200 : httpStatusFor[result.error.code], result);
}

/** GET /api/events: the core's events as a server-sent event stream. */
export function handleEvents(core: Core, request: IncomingMessage, response: ServerResponse, port: number): void {
  if (!isFromOurPages(request, port)) return sendError(response, 403, { code: 'forbidden', messageKey: 'errors:api.forbidden' });
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.write('retry: 2000\n\n');
  const unsubscribe = core.subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`));
  // A comment line now and then keeps idle proxies and sleeping laptops from dropping the stream.
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
  request.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

export function sendError(response: ServerResponse, status: number, error: ApiError): void {
  sendResult(response, status, { ok: false, error });
}

export function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(body);
}
