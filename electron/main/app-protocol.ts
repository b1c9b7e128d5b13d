import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { uiSecurityHeaders } from '../core/ui-assets/content-security-policy';
import { resolveUiAsset } from '../core/ui-assets/resolve-ui-asset';

export const appScheme = 'app';
export const appHost = 'chieng';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Must run before the app is ready: makes app:// a standard, secure origin like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves the built renderer on app://chieng/ for one session. */
export function serveAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(appScheme, (request) => respondToUiRequest(request, rendererDir));
}

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
