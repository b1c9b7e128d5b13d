import { readFile } from 'node:fs/promises';
import { uiSecurityHeaders } from '../core/ui-assets/content-security-policy';
import { resolveUiAsset } from '../core/ui-assets/resolve-ui-asset';
import { appHost } from './app-origin';

/**
 * The UI's files over the app protocol, with the CSP as a header and every escape from
 * the renderer folder refused. Plain Request in, Response out, so it is testable in Node.
 */
export async function respondToUiRequest(request: Request, rendererDir: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== appHost) return plain(404, 'Not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const asset = await resolveUiAsset(rendererDir, url.pathname);
  if (asset.kind === 'refused') return plain(400, 'Bad path');
  if (asset.kind === 'not-found') return plain(404, 'Not found');
  const body = request.method === 'HEAD' ? null : await readFile(asset.file);
  return new Response(body, { status: 200, headers: { 'Content-Type': asset.mediaType, ...uiSecurityHeaders } });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...uiSecurityHeaders } });
}
