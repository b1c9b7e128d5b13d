import { useCallback, useRef } from 'react';
import type { Material } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { formatBytes, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { FileNotice } from './FileNotice';
import { useBrokenImageNotices } from './use-broken-images';
import { articleShowBudget, useArticleHtml, type ArticleHtml } from './use-article-html';
import { useMaterialText } from './use-material-file';
import type { MaterialFile } from './variants';

/** Articles above this size (signed size) are not opened at all. */
export const maxArticleBytes = 32 * 1024 * 1024;

/**
 * Rendered article HTML, part after part. The HTML must come from renderArticleHtml or
 * useArticleHtml (sanitised); presentation mode can reuse this for a slide.
 */
export function ArticleBody({ chunks, lang }: { chunks: readonly string[]; lang?: string }) {
  return (
    <div className="article-body" lang={lang} data-testid="article-body">
      {chunks.map((html, index) => (
        // Sanitised by article-sanitize.ts; parts never change once rendered, so the index is their identity.
        <div key={index} className="article-part" dangerouslySetInnerHTML={{ __html: html }} />
      ))}
    </div>
  );
}

/** An article of a pack, in one language. */
export function ArticleViewer({ material, file }: { material: Material; file: MaterialFile }) {
  const text = useMaterialText(material, file, maxArticleBytes);
  if (text.state === 'problem') return <FileNotice reason={text.reason} path={file.path} kind="article" mediaType={file.mediaType} />;
  return <ArticleContent material={material} file={file} source={text.state === 'ready' ? text.text : null} />;
}

function ArticleContent({ material, file, source }: { material: Material; file: MaterialFile; source: string | null }) {
  const t = useT();
  const { client } = useApi();
  const materialUrl = useCallback((packId: string, path: string) => client.materialUrl(packId, path), [client]);
  const article = useArticleHtml(source, { packId: material.packId, basePath: file.path, materialUrl });
  const holder = useRef<HTMLDivElement>(null);
  useBrokenImageNotices(holder, material);
  const large = file.size > articleShowBudget;

  return (
    <div className="article-viewer" ref={holder} data-status={source === null ? 'loading' : article.status}>
      {large && (
        <p className="material-caution" data-testid="article-large">
          {t('viewer:article.large', { size: formatBytes(file.size) })}
        </p>
      )}
      {source === null || (article.chunks.length === 0 && article.status === 'rendering') ? (
        <p className="viewer-loading" role="status">
          {t('viewer:loading')}
        </p>
      ) : null}
      <ArticleBody chunks={article.chunks} lang={file.language} />
      <ArticleProgress article={article} />
    </div>
  );
}

function ArticleProgress({ article }: { article: ArticleHtml }) {
  const t = useT();
  if (article.status === 'failed') return <FileNoticeText text={t('viewer:article.failed')} />;
  if (article.status === 'done' || article.chunks.length === 0) return null;
  const percent = formatNumber(Math.floor((article.shownChars / Math.max(article.totalChars, 1)) * 100));
  if (article.status === 'paused') {
    return (
      <p className="article-more">
        <span>{t('viewer:article.paused', { percent })}</span>
        <button type="button" onClick={article.showMore} data-testid="article-more">
          {t('viewer:article.showMore')}
        </button>
      </p>
    );
  }
  return (
    <p className="article-more" role="status">
      {t('viewer:article.rendering', { percent })}
    </p>
  );
}

function FileNoticeText({ text }: { text: string }) {
  return (
    <p className="material-notice" role="alert" data-testid="material-notice">
      {text}
    </p>
  );
}
