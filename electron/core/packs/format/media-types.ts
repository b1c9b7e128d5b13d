// What each kind of item may carry. SVG and HTML are absent on purpose: they can run script.

export const itemKinds = ['article', 'image', 'audio', 'video', 'pdf', 'leaflet'] as const;
export type ItemKind = (typeof itemKinds)[number];

export const leafletMediaType = 'application/vnd.chieng.leaflet+json';

const imageTypes = ['image/png', 'image/jpeg', 'image/webp'] as const;

/** Media types by file extension, for building packs and serving their files. */
export const mediaTypeByExtension: Readonly<Record<string, string>> = {
  '.md': 'text/markdown',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.wav': 'audio/wav',
  '.weba': 'audio/webm',
  '.m4a': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.pdf': 'application/pdf',
  '.leaflet.json': leafletMediaType,
};

/** The media types an item of each kind may hold: its main file's, then any companions. */
export const mediaTypesByKind: Readonly<Record<ItemKind, { main: readonly string[]; companions: readonly string[] }>> = {
  article: { main: ['text/markdown'], companions: imageTypes },
  image: { main: imageTypes, companions: [] },
  audio: { main: ['audio/mpeg', 'audio/ogg', 'audio/wav', 'audio/webm', 'audio/mp4'], companions: [] },
  video: { main: ['video/mp4', 'video/webm'], companions: [] },
  pdf: { main: ['application/pdf'], companions: [] },
  leaflet: { main: [leafletMediaType], companions: imageTypes },
};

/** The media type for a file name, or undefined when it is not one a pack may carry. */
export function mediaTypeForPath(path: string): string | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.leaflet.json')) return leafletMediaType;
  const dot = lower.lastIndexOf('.');
  return dot < 0 ? undefined : mediaTypeByExtension[lower.slice(dot)];
}

export function isTextMediaType(mediaType: string): boolean {
  return mediaType === 'text/markdown' || mediaType === leafletMediaType;
}
