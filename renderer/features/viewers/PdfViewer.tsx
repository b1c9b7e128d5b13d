import { ChevronLeft, ChevronRight, Maximize, ZoomIn, ZoomOut } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Material } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { formatNumber } from '../../i18n/format';
import { localized } from '../../i18n/use-localized';
import { useT } from '../../i18n/use-t';
import { FileNotice, type NoticeReason } from './FileNotice';
import type { PDFDocumentProxy, RenderTask } from './pdf-loader';
import { useFileCheck } from './use-file-check';
import type { MaterialFile } from './variants';

const zoomStep = 1.25;
const minZoom = 0.5;
const maxZoom = 4;

type Loaded = { readonly url: string } & (
  { readonly state: 'ready'; readonly pdf: PDFDocumentProxy } | { readonly state: 'problem'; readonly reason: NoticeReason }
);

/** A PDF of a pack, one page at a time inside the app, with pdf.js loaded on first use. */
export function PdfViewer({ material, file }: { material: Material; file: MaterialFile }) {
  const t = useT();
  const { client } = useApi();
  const check = useFileCheck(material.id);
  const url = client.materialUrl(material.packId, file.path);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    const fail = (reason: NoticeReason) => {
      if (!cancelled) setLoaded({ url, state: 'problem', reason });
    };
    import('./pdf-loader')
      .then(async ({ openPdf, isPasswordError }) => {
        if (cancelled) return;
        const task = openPdf(url);
        destroy = () => void task.destroy();
        try {
          const pdf = await task.promise;
          if (!cancelled) setLoaded({ url, state: 'ready', pdf });
        } catch (error) {
          if (cancelled) return;
          if (isPasswordError(error)) return fail('password');
          // 404 and 410 (and a PDF pdf.js cannot read) all land here: the core says which.
          fail(await check(file.path));
        }
      })
      .catch(() => fail('unreadable'));
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [url, file.path, check]);

  const current = loaded?.url === url ? loaded : null;
  if (current?.state === 'problem') return <FileNotice reason={current.reason} path={file.path} kind="pdf" mediaType={file.mediaType} />;
  if (!current) {
    return (
      <div className="pdf-viewer" data-testid="pdf-viewer" data-status="loading">
        <p className="viewer-loading" role="status">
          {t('viewer:pdf.loading')}
        </p>
      </div>
    );
  }
  return <PdfPages pdf={current.pdf} title={localized(material.title)} />;
}

function PdfPages({ pdf, title }: { pdf: PDFDocumentProxy; title: string }) {
  const t = useT();
  const pageInputId = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [width, setWidth] = useState(0);
  const [rendering, setRendering] = useState(true);
  const [failed, setFailed] = useState<number | null>(null);
  const count = pdf.numPages;

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const target = canvas.current;
    if (!target || width === 0) return;
    let cancelled = false;
    let task: RenderTask | undefined;
    void pdf
      .getPage(page)
      .then((proxy) => {
        if (cancelled) return;
        // Fit the page's width to the frame, then zoom; drawn at the screen's pixel density.
        const base = proxy.getViewport({ scale: 1 });
        const scale = Math.max(0.1, ((width - 2) / base.width) * zoom);
        const viewport = proxy.getViewport({ scale });
        const ratio = window.devicePixelRatio || 1;
        target.width = Math.floor(viewport.width * ratio);
        target.height = Math.floor(viewport.height * ratio);
        target.style.width = `${Math.floor(viewport.width)}px`;
        target.style.height = `${Math.floor(viewport.height)}px`;
        setRendering(true);
        task = proxy.render({ canvas: target, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
        return task.promise.then(() => {
          if (cancelled) return;
          setRendering(false);
          setFailed(null);
        });
      })
      .catch((error: unknown) => {
        if (cancelled || (error instanceof Error && error.name === 'RenderingCancelledException')) return;
        setRendering(false);
        setFailed(page);
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, page, zoom, width]);

  const go = (to: number) => setPage(Math.min(count, Math.max(1, to)));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'PageDown' || event.key === 'ArrowRight') go(page + 1);
    else if (event.key === 'PageUp' || event.key === 'ArrowLeft') go(page - 1);
    else if (event.key === 'Home') go(1);
    else if (event.key === 'End') go(count);
    else if (event.key === '+' || event.key === '=') setZoom((z) => Math.min(maxZoom, z * zoomStep));
    else if (event.key === '-') setZoom((z) => Math.max(minZoom, z / zoomStep));
    else if (event.key === '0') setZoom(1);
    else return;
    event.preventDefault();
  };

  return (
    <div
      className="pdf-viewer"
      data-testid="pdf-viewer"
      data-status={rendering ? 'rendering' : 'ready'}
      data-page={page}
      data-pages={count}
    >
      <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer:pdf.toolbar')}>
        <span className="toolbar-group">
          <button type="button" onClick={() => go(page - 1)} disabled={page <= 1} data-testid="pdf-previous">
            <ChevronLeft aria-hidden="true" />
            {t('viewer:pdf.previous')}
          </button>
          <span className="pdf-page-of">
            <label htmlFor={pageInputId}>{t('viewer:pdf.page')}</label>
            <input
              id={pageInputId}
              key={page}
              type="number"
              min={1}
              max={count}
              defaultValue={page}
              onKeyDown={(event) => {
                if (event.key === 'Enter') go(Number(event.currentTarget.value) || page);
              }}
              onBlur={(event) => go(Number(event.currentTarget.value) || page)}
              data-testid="pdf-page-input"
            />
            <span data-testid="pdf-page-count">{t('viewer:pdf.of', { count: formatNumber(count) })}</span>
          </span>
          <button type="button" onClick={() => go(page + 1)} disabled={page >= count} data-testid="pdf-next">
            {t('viewer:pdf.next')}
            <ChevronRight aria-hidden="true" />
          </button>
        </span>
        <span className="toolbar-group">
          <button
            type="button"
            onClick={() => setZoom((z) => Math.max(minZoom, z / zoomStep))}
            disabled={zoom <= minZoom}
            aria-label={t('viewer:zoom.out')}
          >
            <ZoomOut aria-hidden="true" />
          </button>
          <output className="zoom-level" data-testid="zoom-level">
            {t('viewer:zoom.level', { percent: formatNumber(Math.round(zoom * 100)) })}
          </output>
          <button
            type="button"
            onClick={() => setZoom((z) => Math.min(maxZoom, z * zoomStep))}
            disabled={zoom >= maxZoom}
            aria-label={t('viewer:zoom.in')}
          >
            <ZoomIn aria-hidden="true" />
          </button>
          <button type="button" onClick={() => setZoom(1)} disabled={zoom === 1}>
            <Maximize aria-hidden="true" />
            {t('viewer:zoom.fitWidth')}
          </button>
        </span>
      </div>
      <div
        className="pdf-frame"
        ref={frame}
        tabIndex={0}
        role="group"
        aria-label={t('viewer:pdf.frame', { title, page: formatNumber(page), count: formatNumber(count) })}
        onKeyDown={onKeyDown}
      >
        <canvas ref={canvas} data-testid="pdf-canvas" />
      </div>
      {failed === page && (
        <p className="material-notice" role="alert" data-testid="material-notice" data-reason="page">
          {t('viewer:pdf.pageFailed', { page: formatNumber(page) })}
        </p>
      )}
    </div>
  );
}
