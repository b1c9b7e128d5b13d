// Renders article Markdown off the UI thread, so a long or hostile text never freezes the app.
import { renderArticleMarkup } from './article-markup';

export interface ArticleWorkerRequest {
  readonly id: number;
  readonly text: string;
  readonly basePath: string;
}

export type ArticleWorkerReply = { readonly id: number; readonly html: string } | { readonly id: number; readonly error: string };

self.addEventListener('message', (event: MessageEvent<ArticleWorkerRequest>) => {
  const { id, text, basePath } = event.data;
  let reply: ArticleWorkerReply;
  try {
    reply = { id, html: renderArticleMarkup(text, { basePath }) };
  } catch (error) {
    reply = { id, error: String(error) };
  }
  self.postMessage(reply);
});
