import { Maximize, ZoomIn, ZoomOut } from 'lucide-react';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Material } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { formatNumber } from '../../i18n/format';
import { localized } from '../../i18n/use-localized';
import { useT } from '../../i18n/use-t';
import { FileNotice, type NoticeReason } from './FileNotice';
import { useFileCheck } from './use-file-check';
import type { MaterialFile } from './variants';

const zoomStep = 1.25;
const minZoom = 0.25;
const maxZoom = 8;
const clampZoom = (zoom: number) => Math.min(maxZoom, Math.max(minZoom, zoom));

interface Size {
  readonly width: number;
  readonly height: number;
}

/** An image of a pack, fitted to the view, with zoom (buttons, Ctrl + wheel, + − 0) and drag to pan. */
export function ImageViewer({ material, file }: { material: Material; file: MaterialFile }) {
  const t = useT();
  const { client } = useApi();
  const check = useFileCheck(material.id);
  const url = client.materialUrl(material.packId, file.path);
  const frame = useRef<HTMLDivElement>(null);
  const [natural, setNatural] = useState<Size | null>(null);
  const [box, setBox] = useState<Size | null>(null);
  const [zoom, setZoom] = useState(1);
  const [problem, setProblem] = useState<{ url: string; reason: NoticeReason } | null>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setBox({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    const onWheel = (event: WheelEvent) => {
      // Plain wheel scrolls the page as everywhere; Ctrl + wheel (and a pinch) zooms.
      if (!event.ctrlKey) return;
      event.preventDefault();
      setZoom((current) => clampZoom(event.deltaY < 0 ? current * zoomStep : current / zoomStep));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      observer.disconnect();
      element.removeEventListener('wheel', onWheel);
    };
  }, []);

  const onError = useCallback(() => {
    void check(file.path).then((reason) => setProblem({ url, reason }));
  }, [check, file.path, url]);

  if (problem?.url === url) return <FileNotice reason={problem.reason} path={file.path} kind="image" mediaType={file.mediaType} />;

  // Fitted: as large as the frame allows, never enlarged past the image's own size.
  const fit = natural && box ? Math.min(1, box.width / natural.width, box.height / natural.height) : 1;
  const scale = fit * zoom;
  const size = natural
    ? { width: Math.max(1, Math.round(natural.width * scale)), height: Math.max(1, Math.round(natural.height * scale)) }
    : undefined;
  const title = localized(material.title);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === '+' || event.key === '=') setZoom((current) => clampZoom(current * zoomStep));
    else if (event.key === '-' || event.key === '_') setZoom((current) => clampZoom(current / zoomStep));
    else if (event.key === '0') setZoom(1);
    else return;
    event.preventDefault();
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const element = frame.current;
    if (!element || event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, left: element.scrollLeft, top: element.scrollTop };
    element.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const element = frame.current;
    if (!element || !drag.current) return;
    element.scrollLeft = drag.current.left - (event.clientX - drag.current.x);
    element.scrollTop = drag.current.top - (event.clientY - drag.current.y);
  };
  const endDrag = () => (drag.current = null);

  return (
    <div className="image-viewer" data-testid="image-viewer">
      <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer:image.toolbar')}>
        <button
          type="button"
          onClick={() => setZoom((current) => clampZoom(current / zoomStep))}
          disabled={zoom <= minZoom}
          data-testid="zoom-out"
        >
          <ZoomOut aria-hidden="true" />
          {t('viewer:zoom.out')}
        </button>
        <button
          type="button"
          onClick={() => setZoom((current) => clampZoom(current * zoomStep))}
          disabled={zoom >= maxZoom}
          data-testid="zoom-in"
        >
          <ZoomIn aria-hidden="true" />
          {t('viewer:zoom.in')}
        </button>
        <button type="button" onClick={() => setZoom(1)} disabled={zoom === 1} data-testid="zoom-reset">
          <Maximize aria-hidden="true" />
          {t('viewer:zoom.fit')}
        </button>
        <output className="zoom-level" data-testid="zoom-level" aria-live="polite">
          {t('viewer:zoom.level', { percent: formatNumber(Math.round(scale * 100)) })}
        </output>
        <span className="hint viewer-keys">{t('viewer:image.keys')}</span>
      </div>
      <div
        className={`image-frame${zoom > 1 ? ' zoomed' : ''}`}
        ref={frame}
        tabIndex={0}
        role="group"
        aria-label={t('viewer:image.frame', { title })}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <img
          src={url}
          alt={title || file.path}
          draggable={false}
          style={size}
          data-pack-path={file.path}
          onLoad={(event) => setNatural({ width: event.currentTarget.naturalWidth || 1, height: event.currentTarget.naturalHeight || 1 })}
          onError={onError}
        />
      </div>
    </div>
  );
}
