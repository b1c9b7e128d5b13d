import type { Material } from '../../../electron/core/contract';

export type MaterialKind = Material['kind'];
export type MaterialFile = Material['files'][number];

const mainType: Record<MaterialKind, (mediaType: string) => boolean> = {
  article: (type) => type === 'text/markdown',
  image: (type) => type.startsWith('image/'),
  audio: (type) => type.startsWith('audio/'),
  video: (type) => type.startsWith('video/'),
  pdf: (type) => type === 'application/pdf',
  leaflet: (type) => type === 'application/vnd.chieng.leaflet+json',
};

/** One language version of a material: the file to show, and its language when the pack says. */
export interface Variant {
  /** The language tag, or undefined when the pack does not say (a leaflet carries its own). */
  readonly language: string | undefined;
  readonly file: MaterialFile;
}

/**
 * A material's language versions, one per language, in the order the pack lists its languages.
 * The images an article or a leaflet carries are not versions: they are shown inside it.
 */
export function materialVariants(material: Material): Variant[] {
  const order = (language: string | undefined) => {
    const at = language === undefined ? -1 : material.languages.indexOf(language);
    return at === -1 ? material.languages.length : at;
  };
  const seen = new Set<string | undefined>();
  const variants: Variant[] = [];
  for (const file of material.files) {
    if (!mainType[material.kind](file.mediaType) || seen.has(file.language)) continue;
    seen.add(file.language);
    variants.push({ language: file.language, file });
  }
  return variants.sort((a, b) => order(a.language) - order(b.language));
}

/** The version to open with: the UI language's, else Vietnamese, else the first. */
export function defaultVariant(variants: readonly Variant[], uiLanguage: string): Variant | undefined {
  return variants.find((v) => v.language === uiLanguage) ?? variants.find((v) => v.language === 'vi') ?? variants[0];
}

/** The key of a text map a material's title is shown from, for its lang attribute. */
export function pickedLanguage(texts: Readonly<Record<string, string>>, uiLanguage: string): string | undefined {
  if (texts[uiLanguage] !== undefined) return uiLanguage;
  if (texts.vi !== undefined) return 'vi';
  return Object.keys(texts)[0];
}
