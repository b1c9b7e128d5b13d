import MarkdownIt from 'markdown-it';
import { leafletSchema, leafletTexts } from '../packs/format/leaflet';

const markdown = new MarkdownIt({ html: false });

/** The words of a Markdown article, without its syntax, for search. */
export function markdownText(source: string): string {
  const out: string[] = [];
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'inline')
      for (const child of token.children ?? []) if (child.type === 'text' || child.type === 'code_inline') out.push(child.content);
    if (token.type === 'code_block' || token.type === 'fence') out.push(token.content);
  }
  return out.join(' ');
}

/** Every text a leaflet prints, for search; nothing if it does not parse. */
export function leafletText(source: string): string {
  try {
    const parsed = leafletSchema.safeParse(JSON.parse(source));
    return parsed.success ? leafletTexts(parsed.data).join(' ') : '';
  } catch {
    return '';
  }
}
