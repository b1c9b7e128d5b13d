import { stat } from 'node:fs/promises';
import path from 'node:path';
import { mediaTypeFor } from './media-types';

export type UiAssetLookup =
  | { readonly kind: 'file'; readonly file: string; readonly mediaType: string; readonly size: number }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'refused' };

/**
 * Finds the built UI file that a URL path names (as the client sent it, before any URL
 * parser normalised it), inside `root` and nowhere else. Anything
 * that tries to step out (`..`, encoded slashes or backslashes, NUL, absolute paths) is
 * refused outright rather than normalised into something that happens to exist.
 */
export async function resolveUiAsset(root: string, rawPath: string): Promise<UiAssetLookup> {
  const urlPath = rawPath.split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused' };
  }
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded) || /%2f|%5c/i.test(urlPath)) return { kind: 'refused' };
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.')) return { kind: 'refused' };

  const relative = segments.join('/') || 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return { kind: 'refused' };

  try {
    const info = await stat(file);
    if (!info.isFile()) return { kind: 'not-found' };
    return { kind: 'file', file, mediaType: mediaTypeFor(file), size: info.size };
  } catch {
    return { kind: 'not-found' };
  }
}
