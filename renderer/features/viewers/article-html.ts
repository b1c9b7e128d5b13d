// An article's Markdown as safe HTML, in one synchronous call: for presentation mode and
// anything else that shows articles. Large or hostile texts are better shown through
// useArticleHtml (use-article-html.ts), which renders in a worker, in parts.
import { renderArticleMarkup } from './article-markup';
import { sanitizeArticleHtml, type MaterialUrl } from './article-sanitize';

export interface ArticleHtmlOptions {
  readonly packId: string;
  /** The article file's own path in the pack (e.g. `articles/5k.vi.md`); images resolve against its folder. */
  readonly basePath: string;
  /** `client.materialUrl`: the URL of a pack file for the transport in use. */
  readonly materialUrl: MaterialUrl;
}

/**
 * Markdown → HTML (markdown-it, raw HTML escaped, links inert, images only from the same
 * pack) → DOMPurify. Needs a DOM; throws without one rather than return unchecked HTML.
 */
export function renderArticleHtml(markdown: string, options: ArticleHtmlOptions): string {
  return sanitizeArticleHtml(renderArticleMarkup(markdown, { basePath: options.basePath }), options);
}

export { splitIntoSlides } from './article-sanitize';
