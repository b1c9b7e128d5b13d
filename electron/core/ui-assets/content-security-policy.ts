/**
 * The renderer's Content-Security-Policy, sent as a header by both the Electron protocol
 * and the HTTP host. Nothing remote, no inline or evaluated script, no plugins, no frames.
 * React sets element styles through the CSSOM, which CSP does not govern, so styles need
 * no 'unsafe-inline' either.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // pack: is the desktop app's origin for installed packs' files (see electron/main/pack-protocol.ts).
  "img-src 'self' data: blob: pack:",
  "media-src 'self' blob: pack:",
  "font-src 'self'",
  "connect-src 'self' pack:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "worker-src 'self' blob:",
  "manifest-src 'none'",
].join('; ');

/** Headers every UI response carries, whichever transport serves it. */
export const uiSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
