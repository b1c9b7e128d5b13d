// Where article Markdown becomes HTML: in a worker when the runtime allows one, else on the
// UI thread, one part at a time with a pause between parts.
import ArticleWorker from './article-worker?worker';
import type { ArticleWorkerReply, ArticleWorkerRequest } from './article-worker';

export interface MarkupRenderer {
  render(text: string, basePath: string): Promise<string>;
  dispose(): void;
}

function inlineRenderer(): MarkupRenderer {
  let disposed = false;
  return {
    async render(text, basePath) {
      // Let the page paint and take input between parts.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (disposed) throw new Error('disposed');
      const { renderArticleMarkup } = await import('./article-markup');
      return renderArticleMarkup(text, { basePath });
    },
    dispose: () => {
      disposed = true;
    },
  };
}

function workerRenderer(worker: Worker): MarkupRenderer {
  let next = 0;
  let broken = false;
  const fallback = inlineRenderer();
  const waiting = new Map<number, { resolve: (html: string) => void; reject: (error: Error) => void; text: string; basePath: string }>();
  worker.addEventListener('message', (event: MessageEvent<ArticleWorkerReply>) => {
    const entry = waiting.get(event.data.id);
    if (!entry) return;
    waiting.delete(event.data.id);
    if ('html' in event.data) entry.resolve(event.data.html);
    else entry.reject(new Error(event.data.error));
  });
  worker.addEventListener('error', (event) => {
    // The worker could not start or died: finish what was asked on the UI thread.
    event.preventDefault();
    broken = true;
    worker.terminate();
    for (const [id, entry] of waiting) {
      waiting.delete(id);
      fallback.render(entry.text, entry.basePath).then(entry.resolve, entry.reject);
    }
  });
  return {
    render(text, basePath) {
      if (broken) return fallback.render(text, basePath);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, text, basePath });
        worker.postMessage({ id, text, basePath } satisfies ArticleWorkerRequest);
      });
    },
    dispose() {
      worker.terminate();
      fallback.dispose();
      for (const entry of waiting.values()) entry.reject(new Error('disposed'));
      waiting.clear();
    },
  };
}

export function createMarkupRenderer(): MarkupRenderer {
  try {
    return workerRenderer(new ArticleWorker({ name: 'article' }));
  } catch {
    return inlineRenderer();
  }
}
