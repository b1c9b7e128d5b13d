import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { uiSecurityHeaders } from '../core/ui-assets/content-security-policy';
import { resolveUiAsset } from '../core/ui-assets/resolve-ui-asset';

/** GET the built renderer's files, with the same CSP and path checks as the Electron protocol. */
export async function handleUi(rendererDir: string, request: IncomingMessage, response: ServerResponse, rawPath: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', ...uiSecurityHeaders }).end();
    return;
  }
  const asset = await resolveUiAsset(rendererDir, rawPath);
  if (asset.kind !== 'file') {
    const status = asset.kind === 'refused' ? 400 : 404;
    response
      .writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...uiSecurityHeaders })
      .end(asset.kind === 'refused' ? 'Bad path' : 'Not found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': asset.mediaType,
    'Content-Length': asset.size,
    // Built assets carry a content hash in their names; the page itself must never be stale.
    'Cache-Control': rawPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...uiSecurityHeaders,
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(asset.file)
    .on('error', () => response.destroy())
    .pipe(response);
}
