import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Core } from '../core/core';
import { materialResponse } from '../core/library/material-response';
import { isFromOurPages } from './request-guard';

export const materialPrefix = '/api/material/';

/** GET /api/material/<pack id>/<file path>: a pack's file for the viewers, with byte ranges. */
export async function handleMaterial(
  core: Core,
  request: IncomingMessage,
  response: ServerResponse,
  port: number,
  rest: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  if (!isFromOurPages(request, port)) {
    response.writeHead(403).end();
    return;
  }
  const slash = rest.indexOf('/');
  let packId: string;
  let filePath: string;
  try {
    packId = decodeURIComponent(rest.slice(0, slash));
    filePath = decodeURIComponent(rest.slice(slash + 1));
  } catch {
    response.writeHead(400).end();
    return;
  }
  if (slash <= 0) {
    response.writeHead(404).end();
    return;
  }
  const answer = await materialResponse(core.library, packId, filePath, request.headers.range, request.method === 'HEAD');
  response.writeHead(answer.status, answer.headers);
  if (!answer.body) {
    response.end();
    return;
  }
  answer.body.on('error', () => response.destroy()).pipe(response);
}
