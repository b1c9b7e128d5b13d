import type { IncomingMessage } from 'node:http';

/**
 * The host answers only requests addressed to itself on loopback, so that a web page on
 * the internet cannot reach it through the user's browser (DNS rebinding), and accepts
 * API calls only from its own pages (no cross-site requests).
 */
export function isAddressedToUs(request: IncomingMessage, port: number): boolean {
  const host = (request.headers.host ?? '').toLowerCase();
  return ownAuthorities(port).includes(host);
}

export function isFromOurPages(request: IncomingMessage, port: number): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return ownAuthorities(port).some((authority) => origin.toLowerCase() === `http://${authority}`);
}

function ownAuthorities(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
}

export type BodyRead = { readonly kind: 'ok'; readonly text: string } | { readonly kind: 'too-large' };

/** Reads a request body, giving up as soon as it passes `limit` bytes. */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        chunks.length = 0;
        resolve({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!settled) resolve({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') });
    });
    request.on('error', (error) => {
      if (!settled) reject(error);
    });
  });
}
