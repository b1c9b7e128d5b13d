// A leaflet template's shape, checked in the renderer without the core's schemas (zod stays
// in the core): just enough that the preview never trips over a malformed or hostile file.
// The pack was checked against the full schema when it was built and signed.

export type LeafletText = Readonly<Record<string, string>>;

export type LeafletBlock =
  | { readonly kind: 'title' | 'paragraph' | 'note'; readonly text: LeafletText }
  | { readonly kind: 'list'; readonly items: readonly LeafletText[] }
  | { readonly kind: 'image'; readonly path: string; readonly caption?: LeafletText };

export interface Leaflet {
  readonly paper: 'A4' | 'A5';
  readonly orientation: 'portrait' | 'landscape';
  readonly languages: readonly string[];
  readonly blocks: readonly LeafletBlock[];
}

/** Paper sizes in millimetres, portrait. */
export const paperSize = { A4: { width: 210, height: 297 }, A5: { width: 148, height: 210 } } as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTag = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9-]{1,35}$/.test(value);

function text(value: unknown): LeafletText | null {
  if (!isRecord(value)) return null;
  const entries = Object.entries(value);
  if (entries.length === 0 || entries.length > 20) return null;
  const out: Record<string, string> = {};
  for (const [tag, content] of entries) {
    if (!isTag(tag) || typeof content !== 'string' || content.length > 4000) return null;
    out[tag] = content;
  }
  return out;
}

function block(value: unknown): LeafletBlock | null {
  if (!isRecord(value)) return null;
  switch (value.kind) {
    case 'title':
    case 'paragraph':
    case 'note': {
      const content = text(value.text);
      return content && { kind: value.kind, text: content };
    }
    case 'list': {
      if (!Array.isArray(value.items) || value.items.length === 0 || value.items.length > 50) return null;
      const items = value.items.map(text);
      return items.every((item) => item !== null) ? { kind: 'list', items: items } : null;
    }
    case 'image': {
      if (typeof value.path !== 'string' || value.path.length > 240) return null;
      if (value.caption === undefined) return { kind: 'image', path: value.path };
      const caption = text(value.caption);
      return caption && { kind: 'image', path: value.path, caption };
    }
    default:
      return null;
  }
}

/** The leaflet in a template file, or null when it is not one this app can show. */
export function parseLeaflet(json: unknown): Leaflet | null {
  if (!isRecord(json) || json.type !== 'chieng-leaflet' || json.format !== 1) return null;
  const { paper, orientation, languages, blocks } = json;
  if (paper !== 'A4' && paper !== 'A5') return null;
  if (orientation !== 'portrait' && orientation !== 'landscape') return null;
  if (!Array.isArray(languages) || languages.length < 1 || languages.length > 4 || !languages.every(isTag)) return null;
  if (!Array.isArray(blocks) || blocks.length < 1 || blocks.length > 200) return null;
  const parsed = blocks.map(block);
  if (!parsed.every((each) => each !== null)) return null;
  return { paper, orientation, languages, blocks: parsed };
}

/** The languages a piece of text has, in the leaflet's order (then any others it carries). */
export function textLanguages(leaflet: Leaflet, texts: readonly LeafletText[]): string[] {
  const present = new Set(texts.flatMap((each) => Object.keys(each)));
  return [...leaflet.languages.filter((tag) => present.has(tag)), ...[...present].filter((tag) => !leaflet.languages.includes(tag))];
}
