import { useCallback, useEffect, useRef, useState } from 'react';
import { plainPartHtml, splitMarkdownParts } from './article-parts';
import type { MaterialUrl } from './article-sanitize';
import { createMarkupRenderer } from './markup-renderer';

/** How much of an article is rendered before waiting for "show more": enough for any real one. */
export const articleShowBudget = 2 * 1024 * 1024;

export interface ArticleHtml {
  /** Sanitised HTML, one string per rendered part, in order; join them for the whole. */
  readonly chunks: readonly string[];
  readonly status: 'rendering' | 'paused' | 'done' | 'failed';
  /** Characters of Markdown rendered so far, and in all. */
  readonly shownChars: number;
  readonly totalChars: number;
  /** Renders the next stretch of a very long article. */
  readonly showMore: () => void;
}

interface Progress {
  /** What these chunks were rendered from: the same text from another place may differ. */
  readonly source: string | null;
  readonly from: string;
  readonly chunks: readonly string[];
  readonly status: ArticleHtml['status'];
  readonly shownChars: number;
}

export interface UseArticleHtmlOptions {
  readonly packId: string;
  /** The article file's path in the pack; images resolve against its folder. */
  readonly basePath: string;
  readonly materialUrl: MaterialUrl;
}

/**
 * An article's Markdown as sanitised HTML, rendered in a worker part by part, so that the first
 * part shows at once and neither a 20 MB file nor a hostile one freezes the UI. Parts past
 * `articleShowBudget` wait for showMore().
 */
export function useArticleHtml(source: string | null, { packId, basePath, materialUrl }: UseArticleHtmlOptions): ArticleHtml {
  const [progress, setProgress] = useState<Progress>({ source: null, from: '', chunks: [], status: 'rendering', shownChars: 0 });
  const from = `${packId}\n${basePath}`;
  const budget = useRef(articleShowBudget);
  const wake = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (source === null) return;
    let cancelled = false;
    budget.current = articleShowBudget;
    const renderer = createMarkupRenderer();
    const update = (change: (current: Progress) => Partial<Progress>) =>
      setProgress((current) => {
        const base =
          current.source === source && current.from === from
            ? current
            : { source, from, chunks: [], status: 'rendering' as const, shownChars: 0 };
        return { ...base, ...change(base) };
      });
    const run = async () => {
      const parts = splitMarkdownParts(source);
      const { sanitizeArticleHtml } = await import('./article-sanitize');
      let shown = 0;
      for (const part of parts) {
        if (shown >= budget.current) {
          update(() => ({ status: 'paused' }));
          await new Promise<void>((resolve) => (wake.current = resolve));
          if (cancelled) return;
          update(() => ({ status: 'rendering' }));
        }
        const markup = part.kind === 'plain' ? plainPartHtml(part.text) : await renderer.render(part.text, basePath);
        if (cancelled) return;
        const html = sanitizeArticleHtml(markup, { packId, materialUrl });
        shown += part.text.length + 1;
        const shownChars = Math.min(shown, source.length);
        update((current) => ({ chunks: [...current.chunks, html], shownChars }));
      }
      update(() => ({ status: 'done', shownChars: source.length }));
    };
    run().catch(() => {
      if (!cancelled) update(() => ({ status: 'failed' }));
    });
    return () => {
      cancelled = true;
      renderer.dispose();
      wake.current?.();
      wake.current = null;
    };
  }, [source, from, packId, basePath, materialUrl]);

  const showMore = useCallback(() => {
    budget.current += articleShowBudget;
    wake.current?.();
    wake.current = null;
  }, []);

  const current =
    progress.source === source && progress.from === from ? progress : { chunks: [], status: 'rendering' as const, shownChars: 0 };
  return { chunks: current.chunks, status: current.status, shownChars: current.shownChars, totalChars: source?.length ?? 0, showMore };
}
