// The second stage of showing an article: the HTML from article-markup.ts goes through
// DOMPurify with a short allowlist of the tags Markdown makes, no links and no URLs but the
// pack files this stage itself writes. Needs a DOM: it refuses to run without one rather than
// pass HTML through unchecked.
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { resolvePackImagePath } from './pack-path';

export type MaterialUrl = (packId: string, path: string) => string;

export interface SanitizeOptions {
  readonly packId: string;
  readonly materialUrl: MaterialUrl;
}

const allowedTags = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'blockquote',
  'pre',
  'code',
  'strong',
  'em',
  's',
  'del',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'img',
  'span',
];

const config: Config = {
  ALLOWED_TAGS: allowedTags,
  // No src, no href, no style, no event handler can pass: images get their src below.
  ALLOWED_ATTR: ['class', 'alt', 'title', 'start', 'data-pack-path'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Every other attribute value must match this to stay: none does, so no URL passes.
  ALLOWED_URI_REGEXP: /^$/,
  // Not URLs: a list's first number, and the pack path the hook below checks and turns into src.
  ADD_URI_SAFE_ATTR: ['start', 'data-pack-path'],
  KEEP_CONTENT: true,
  // Even these are not in the allowlist; naming them drops their text as well.
  FORBID_TAGS: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math'],
};

let purifier: Purifier | undefined;
/** The options of the sanitize call in progress: hooks run synchronously inside it. */
let current: SanitizeOptions | undefined;

function getPurifier(): Purifier {
  if (purifier) return purifier;
  const instance = typeof window === 'undefined' ? undefined : DOMPurify(window);
  if (!instance?.isSupported) throw new Error('DOMPurify is not supported here: refusing to show unsanitised HTML');
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element) || node.tagName !== 'IMG') return;
    const path = resolvePackImagePath(node.getAttribute('data-pack-path') ?? '', '');
    node.removeAttribute('data-pack-path');
    if (!path || !current) {
      node.remove();
      return;
    }
    node.setAttribute('src', current.materialUrl(current.packId, path));
    node.setAttribute('data-pack-path', path);
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
  });
  purifier = instance;
  return instance;
}

/** Sanitises article HTML; an image keeps only a pack path, turned into the transport's URL for it. */
export function sanitizeArticleHtml(html: string, options: SanitizeOptions): string {
  const instance = getPurifier();
  current = options;
  try {
    return instance.sanitize(html, { ...config, RETURN_TRUSTED_TYPE: false });
  } finally {
    current = undefined;
  }
}

/**
 * Cuts sanitised article HTML into slides, for presentation: a new slide at each top-level
 * h1, h2 or h3 (which opens it) and at each top-level hr (which is dropped). Empty slides are
 * left out. Takes HTML from sanitizeArticleHtml/renderArticleHtml only.
 */
export function splitIntoSlides(html: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const slides: string[] = [];
  let slide: Node[] = [];
  const close = () => {
    // Another template, so that nothing in a slide starts loading before it is shown.
    const holder = document.createElement('template');
    holder.content.append(...slide);
    if (holder.content.textContent?.trim() || holder.content.querySelector('img')) slides.push(holder.innerHTML);
    slide = [];
  };
  for (const node of [...template.content.childNodes]) {
    const name = node.nodeName;
    if (name === 'HR') {
      close();
      continue;
    }
    if (name === 'H1' || name === 'H2' || name === 'H3') close();
    slide.push(node);
  }
  close();
  return slides;
}
