// What a reference inside an article may point at: a file of the same pack by relative path,
// or, for links, nothing that is ever followed. Pure string work, shared by both stages.

/** A pack file path as pack manifests allow them (electron/core/packs/format/schemas.ts). */
const packPathPattern = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;
const maxPackPathLength = 240;
const schemePattern = /^([a-z][a-z0-9+.-]*):/i;
// Browsers ignore these inside a URL's scheme ("java\tscript:"), so classification does too.
// eslint-disable-next-line no-control-regex
const ignoredInUrl = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;
const shownSchemes = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Resolves an image reference written in an article against the article's own path, as a
 * browser resolves a relative URL, and returns the pack path it names, or null when the
 * reference is anything but a plain relative path inside the pack: a URL with a scheme
 * (http:, https:, data:, javascript:, …), a network or absolute path, a path that climbs out
 * of the pack, or a name no pack file can have.
 */
export function resolvePackImagePath(reference: string, articlePath: string): string | null {
  const raw = reference.trim();
  if (raw === '' || schemePattern.test(raw.replace(ignoredInUrl, '')) || /^[/\\]/.test(raw) || raw.includes('\\')) return null;
  // A query or a fragment means nothing to a pack file.
  const bare = raw.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (decoded === '' || /[\u0000-\u001f\u007f\\]/.test(decoded) || decoded.startsWith('/')) return null;
  const written = decoded.split('/');
  // It must name a file, not a folder.
  if (['', '.', '..'].includes(written[written.length - 1] ?? '')) return null;
  const segments = articlePath.split('/').slice(0, -1);
  for (const segment of written) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  const resolved = segments.join('/');
  return resolved.length <= maxPackPathLength && packPathPattern.test(resolved) ? resolved : null;
}

export type LinkKind =
  /** http(s), mailto, tel: shown as text with its address, never followed. */
  | 'external'
  /** A path or an anchor inside the pack: shown as its text. */
  | 'internal'
  /** javascript:, data:, vbscript:, file: or any other scheme: its address is dropped. */
  | 'dropped';

export function classifyLink(href: string): LinkKind {
  const compact = href.replace(ignoredInUrl, '');
  const scheme = schemePattern.exec(compact)?.[1]?.toLowerCase();
  if (scheme) return shownSchemes.has(scheme) ? 'external' : 'dropped';
  if (compact.startsWith('//')) return 'external';
  return 'internal';
}
