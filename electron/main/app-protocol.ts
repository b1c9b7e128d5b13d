import { protocol, type Session } from 'electron';
import { appScheme } from './app-origin';
import { respondToUiRequest } from './ui-response';
import { packSchemePrivileges } from './pack-protocol';

/** Must run before the app is ready: makes app:// (and pack://) standard, secure origins like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    packSchemePrivileges,
  ]);
}

/** Serves the built renderer on app://chieng/ for one session. */
export function serveAppProtocol(session: Session, rendererDir: string): void {
  session.protocol.handle(appScheme, (request) => respondToUiRequest(request, rendererDir));
}
