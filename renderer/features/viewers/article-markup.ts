// The first stage of showing an article: Markdown to HTML with markdown-it, pure and free of
// the DOM (it also runs in a worker). It is safe on its own: raw HTML in the Markdown is
// escaped as text (`html: false`), no link is ever an <a href>, and an image is kept only when
// it names a file of the same pack by a relative path. The sanitiser (article-sanitize.ts)
// then checks the result again: defense in depth, never the only defense.
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { escapeHtml } from './article-parts';
import { classifyLink, resolvePackImagePath, type LinkKind } from './pack-path';

interface LinkMeta {
  readonly kind: LinkKind;
  /** The address to show after the text, or '' when it is not shown. */
  readonly shown: string;
}

const attr = (token: Token, name: string) => String(token.attrGet(name) ?? '');
const linkMeta = (token: Token | undefined): LinkMeta => {
  const meta = token?.meta;
  const kind = meta?.kind;
  return { kind: kind === 'external' || kind === 'dropped' ? kind : 'internal', shown: typeof meta?.shown === 'string' ? meta.shown : '' };
};

export interface ArticleMarkupOptions {
  /** The article file's own path in its pack (e.g. `articles/5k.vi.md`); images resolve against its folder. */
  readonly basePath: string;
}

/** What markdown-it's renderer sees in `env` for one rendering: the article's path. */
const basePathOf = (env: unknown) =>
  typeof env === 'object' && env !== null && 'basePath' in env && typeof env.basePath === 'string' ? env.basePath : '';

function createMarkdown(): MarkdownIt {
  const md = markdownIt('default', { html: false, linkify: false, typographer: false, breaks: false });
  // Links are never made clickable, so markdown-it may parse every one (instead of leaving
  // `[x](javascript:…)` as literal text); the rules below decide what of it is shown.
  md.validateLink = () => true;

  md.core.ruler.push('chieng_inert', (state) => {
    for (const block of state.tokens) {
      // Table alignment arrives as a style attribute, which the CSP forbids: make it a class.
      if (block.type === 'th_open' || block.type === 'td_open') {
        const align = /^text-align:(left|center|right)$/.exec(attr(block, 'style'))?.[1];
        block.attrs = align ? [['class', `align-${align}`]] : null;
      }
      if (block.type !== 'inline' || !block.children) continue;
      const open: LinkMeta[] = [];
      for (const token of block.children) {
        if (token.type === 'link_open') {
          const href = attr(token, 'href');
          const kind = classifyLink(href);
          const meta: LinkMeta = {
            kind,
            shown: kind === 'external' && token.markup !== 'autolink' ? md.normalizeLinkText(href).replace(/^mailto:/i, '') : '',
          };
          token.meta = { ...meta };
          token.attrs = null;
          open.push(meta);
        } else if (token.type === 'link_close') {
          token.meta = { ...(open.pop() ?? { kind: 'internal', shown: '' }) };
        }
      }
    }
  });

  const rules = md.renderer.rules;
  rules.link_open = (tokens, idx) => `<span class="article-link article-link-${linkMeta(tokens[idx]).kind}">`;
  rules.link_close = (tokens, idx) => {
    const meta = linkMeta(tokens[idx]);
    return meta.shown ? ` <span class="article-link-url">(${escapeHtml(meta.shown)})</span></span>` : '</span>';
  };
  rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (!token) return '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const path = resolvePackImagePath(attr(token, 'src'), basePathOf(env));
    if (!path) return alt ? `<span class="article-image-removed">${escapeHtml(alt)}</span>` : '';
    const title = attr(token, 'title');
    // No src yet: the sanitiser turns data-pack-path into the transport's URL for the file.
    return `<img data-pack-path="${escapeHtml(path)}" alt="${escapeHtml(alt || path)}"${title ? ` title="${escapeHtml(title)}"` : ''}>`;
  };
  return md;
}

let markdown: MarkdownIt | undefined;

/**
 * Markdown to HTML, the first, DOM-free stage. Images come out as
 * `<img data-pack-path="…">` (no src); links as inert spans.
 */
export function renderArticleMarkup(source: string, options: ArticleMarkupOptions): string {
  markdown ??= createMarkdown();
  return markdown.render(source, { basePath: options.basePath });
}
