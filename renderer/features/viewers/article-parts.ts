// Long articles are shown in parts, so that the first screen comes quickly and no single
// step of markdown-it runs long. No markdown-it here: this runs on the UI thread.

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Lines longer than this are shown as plain text: real prose never has one, and markdown-it slows down on them. */
export const maxMarkdownLine = 20_000;
/** Markdown is rendered in parts of about this many characters, cut between blocks. */
export const markdownPartSize = 64 * 1024;

export type ArticlePart = { readonly kind: 'markdown'; readonly text: string } | { readonly kind: 'plain'; readonly text: string };

/**
 * Cuts a long article into parts that render quickly one after the other: between blocks
 * (at a blank line outside a code fence) where possible, at any line past twice the part
 * size, and with every over-long line set apart as plain text.
 */
export function splitMarkdownParts(source: string, partSize: number = markdownPartSize, maxLine: number = maxMarkdownLine): ArticlePart[] {
  const parts: ArticlePart[] = [];
  let lines: string[] = [];
  let size = 0;
  let fence: string | null = null;
  const flush = () => {
    if (lines.length > 0) parts.push({ kind: 'markdown', text: lines.join('\n') });
    lines = [];
    size = 0;
  };
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    const line = source.slice(start, end);
    start = end + 1;
    if (line.length > maxLine) {
      flush();
      parts.push({ kind: 'plain', text: line });
      if (end === source.length) break;
      continue;
    }
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
    }
    lines.push(line);
    size += line.length + 1;
    const atBlockEnd = fence === null && line.trim() === '';
    if ((size >= partSize && atBlockEnd) || size >= partSize * 2) {
      flush();
      fence = null;
    }
    if (end === source.length) break;
  }
  flush();
  return parts;
}

/** An over-long line as a paragraph of escaped text. */
export const plainPartHtml = (text: string) => `<p class="article-long-line">${escapeHtml(text)}</p>\n`;
