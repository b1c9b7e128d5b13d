import { Readable } from 'node:stream';
import type { Session } from 'electron';
import type { LibraryService } from '../core/library/library-service';
import { materialResponse } from '../core/library/material-response';
import { appOrigin } from './app-origin';

export const packScheme = 'pack';

/** Must run before the app is ready, with the app scheme: pack:// streams, for audio and video. */
export const packSchemePrivileges = {
  scheme: packScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true },
} as const;

/** Serves installed packs' files on pack://<pack id>/<path>, through the core's resolver. */
export function servePackProtocol(session: Session, library: LibraryService): void {
  session.protocol.handle(packScheme, async (request) => {
    const url = new URL(request.url);
    let filePath: string;
    try {
      filePath = decodeURIComponent(url.pathname.replace(/^\//, ''));
    } catch {
      return new Response(null, { status: 400 });
    }
    const answer = await materialResponse(
      library,
      url.hostname,
      filePath,
      request.headers.get('range') ?? undefined,
      request.method === 'HEAD',
    );
    // The UI (app://chieng) reads articles and leaflets with fetch: a cross-origin read, allowed
    // to that one origin and to no other page.
    const headers = { ...answer.headers, 'Access-Control-Allow-Origin': appOrigin, Vary: 'Origin' };
    return new Response(answer.body ? (Readable.toWeb(answer.body) as ReadableStream) : null, { status: answer.status, headers });
  });
}
