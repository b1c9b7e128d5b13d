import type { Material, MaterialPack } from '../../../electron/core/contract';
import { materialVariants, type Variant } from '../viewers';

/** One screen of a presentation. */
export type Slide =
  | { readonly kind: 'text'; readonly html: string; readonly lang: string | undefined; readonly material: Material }
  | { readonly kind: 'image'; readonly url: string; readonly material: Material }
  | { readonly kind: 'audio'; readonly url: string; readonly material: Material }
  | { readonly kind: 'video'; readonly url: string; readonly material: Material }
  | { readonly kind: 'whole'; readonly material: Material; readonly pack: MaterialPack }
  | { readonly kind: 'notice'; readonly messageKey: 'viewer:present.unavailable'; readonly material: Material };

/** A slide holds about this much text at presenting size; longer sections go on several. */
const slideChars = 600;

export interface SlideSources {
  readonly materialUrl: (packId: string, path: string) => string;
  /** The language the presenter chose; each material shows that version when it has one. */
  readonly language: string;
}

/** The version of a material in the presenter's language, else Vietnamese, else its first. */
export function variantIn(material: Material, language: string): Variant | undefined {
  const variants = materialVariants(material);
  return variants.find((variant) => variant.language === language) ?? variants.find((variant) => variant.language === 'vi') ?? variants[0];
}

/** A material's slides: an article in sections, an image, a sound, a film; a PDF or leaflet whole. */
export async function slidesFor(material: Material, pack: MaterialPack, sources: SlideSources): Promise<Slide[]> {
  const variant = variantIn(material, sources.language);
  if (!variant) return [{ kind: 'notice', messageKey: 'viewer:present.unavailable', material }];
  const url = sources.materialUrl(material.packId, variant.file.path);
  switch (material.kind) {
    case 'article': {
      const response = await fetch(url).catch(() => undefined);
      if (!response?.ok) return [{ kind: 'notice', messageKey: 'viewer:present.unavailable', material }];
      const { renderArticleHtml, splitIntoSlides } = await import('../viewers/article-html');
      const html = renderArticleHtml(await response.text(), {
        packId: material.packId,
        basePath: variant.file.path,
        materialUrl: sources.materialUrl,
      });
      return splitIntoSlides(html)
        .flatMap((section) => paginate(section, slideChars))
        .map((part) => ({ kind: 'text', html: part, lang: variant.language, material }) as const);
    }
    case 'image':
      return [{ kind: 'image', url, material }];
    case 'audio':
      return [{ kind: 'audio', url, material }];
    case 'video':
      return [{ kind: 'video', url, material }];
    default:
      return [{ kind: 'whole', material, pack }];
  }
}

/**
 * Cuts one section's sanitised HTML between its blocks so that no slide holds much more than
 * `limit` characters; a heading stays with what follows it.
 */
export function paginate(html: string, limit: number): string[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const pages: string[] = [];
  let page: Node[] = [];
  let size = 0;
  const close = () => {
    if (page.length === 0) return;
    const holder = document.createElement('div');
    holder.append(...page);
    pages.push(holder.innerHTML);
    page = [];
    size = 0;
  };
  for (const node of [...template.content.childNodes]) {
    const length = node.textContent?.length ?? 0;
    const lastIsHeading = /^H[1-6]$/.test(page.at(-1)?.nodeName ?? '');
    if (size > 0 && size + length > limit && !lastIsHeading) close();
    page.push(node);
    size += length;
  }
  close();
  return pages;
}
