import { Maximize, ZoomIn, ZoomOut } from 'lucide-react';
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Material } from '../../../electron/core/contract';
import { useApi } from '../../api/api-context';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { FileNotice } from './FileNotice';
import { useLanguageName } from './language-name';
import { paperSize, parseLeaflet, textLanguages, type Leaflet, type LeafletBlock, type LeafletText } from './leaflet-shape';
import { useBrokenImageNotices } from './use-broken-images';
import { useMaterialText } from './use-material-file';
import type { MaterialFile } from './variants';

/** Leaflet templates are small; anything bigger than this is not one. */
const maxLeafletBytes = 2 * 1024 * 1024;
const zooms = [1, 1.5, 2, 3] as const;

/** A leaflet template as it will look on paper: its size and proportions, blocks in order, languages side by side. */
export function LeafletPreview({ material, file }: { material: Material; file: MaterialFile }) {
  const text = useMaterialText(material, file, maxLeafletBytes);
  const leaflet = useMemo(() => {
    if (text.state !== 'ready') return undefined;
    try {
      return parseLeaflet(JSON.parse(text.text));
    } catch {
      return null;
    }
  }, [text]);
  if (text.state === 'problem') return <FileNotice reason={text.reason} path={file.path} kind="leaflet" />;
  if (leaflet === null) return <FileNotice reason="unsupported" path={file.path} kind="leaflet" />;
  if (leaflet === undefined) return <LeafletLoading />;
  return <LeafletPaper leaflet={leaflet} material={material} />;
}

function LeafletLoading() {
  const t = useT();
  return (
    <div className="leaflet-preview" data-testid="leaflet-preview" data-status="loading">
      <p className="viewer-loading" role="status">
        {t('viewer:loading')}
      </p>
    </div>
  );
}

function LeafletPaper({ leaflet, material }: { leaflet: Leaflet; material: Material }) {
  const t = useT();
  const name = useLanguageName();
  const paper = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);
  const [zoom, setZoom] = useState(0);
  const scale = zooms[zoom] ?? 1;
  useBrokenImageNotices(paper, material);
  const size = paperSize[leaflet.paper];
  const [width, height] = leaflet.orientation === 'portrait' ? [size.width, size.height] : [size.height, size.width];

  useLayoutEffect(() => {
    const element = paper.current;
    if (!element) return;
    // The page keeps its proportions; content longer than one page makes it taller, and is said.
    const measure = () => setOverflows(element.offsetHeight > (element.offsetWidth * height) / width + 2);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [width, height]);

  return (
    <div className="leaflet-preview" data-testid="leaflet-preview" data-paper={leaflet.paper} data-orientation={leaflet.orientation}>
      <p className="leaflet-facts">
        {t('viewer:leaflet.facts', {
          paper: leaflet.paper,
          orientation: t(`viewer:leaflet.${leaflet.orientation}`),
          languages: leaflet.languages.map((tag) => name(tag)).join(', '),
        })}
      </p>
      <div className="viewer-toolbar" role="toolbar" aria-label={t('viewer:leaflet.toolbar')}>
        <button type="button" onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom === 0}>
          <ZoomOut aria-hidden="true" />
          {t('viewer:zoom.out')}
        </button>
        <button
          type="button"
          onClick={() => setZoom((z) => Math.min(zooms.length - 1, z + 1))}
          disabled={zoom === zooms.length - 1}
          data-testid="zoom-in"
        >
          <ZoomIn aria-hidden="true" />
          {t('viewer:zoom.in')}
        </button>
        <button type="button" onClick={() => setZoom(0)} disabled={zoom === 0}>
          <Maximize aria-hidden="true" />
          {t('viewer:zoom.fit')}
        </button>
        <output className="zoom-level">{t('viewer:zoom.level', { percent: formatNumber(scale * 100) })}</output>
      </div>
      <div className="leaflet-desk">
        <div
          className={`leaflet-paper leaflet-${leaflet.orientation}`}
          ref={paper}
          // Proportions of the sheet, and 1 pt in its own units, so text keeps its printed size relative to the page.
          style={{
            aspectRatio: `${width} / ${height}`,
            ['--leaflet-pt' as string]: `calc(100cqw / ${(width / 25.4) * 72})`,
            ['--leaflet-zoom' as string]: String(scale),
          }}
          data-testid="leaflet-paper"
        >
          {overflows && <div className="leaflet-page-end" style={{ top: `calc(100cqw * ${height} / ${width})` }} aria-hidden="true" />}
          <div className="leaflet-sheet">
            {leaflet.blocks.map((block, index) => (
              <LeafletBlockView key={index} block={block} leaflet={leaflet} material={material} />
            ))}
          </div>
        </div>
      </div>
      {overflows && (
        <p className="material-caution" data-testid="leaflet-overflow">
          {t('viewer:leaflet.overflow', { paper: leaflet.paper })}
        </p>
      )}
    </div>
  );
}

function LeafletBlockView({ block, leaflet, material }: { block: LeafletBlock; leaflet: Leaflet; material: Material }) {
  const t = useT();
  const { client } = useApi();
  switch (block.kind) {
    case 'title':
      return (
        <Columns leaflet={leaflet} texts={[block.text]} className="leaflet-title" render={(tag) => <h3 lang={tag}>{block.text[tag]}</h3>} />
      );
    case 'paragraph':
      return (
        <Columns
          leaflet={leaflet}
          texts={[block.text]}
          className="leaflet-paragraph"
          render={(tag) => <p lang={tag}>{block.text[tag]}</p>}
        />
      );
    case 'note':
      return (
        <Columns leaflet={leaflet} texts={[block.text]} className="leaflet-note" render={(tag) => <p lang={tag}>{block.text[tag]}</p>} />
      );
    case 'list':
      return (
        <Columns
          leaflet={leaflet}
          texts={block.items}
          className="leaflet-list"
          render={(tag) => (
            <ul lang={tag}>{block.items.map((item, index) => (item[tag] === undefined ? null : <li key={index}>{item[tag]}</li>))}</ul>
          )}
        />
      );
    case 'image': {
      // An image block names a file of the same item; anything else is not fetched.
      const own = material.files.some((each) => each.path === block.path && each.mediaType.startsWith('image/'));
      const caption = block.caption;
      return (
        <figure className="leaflet-image">
          {own ? (
            <img
              src={client.materialUrl(material.packId, block.path)}
              alt={caption ? Object.values(caption)[0] : block.path}
              data-pack-path={block.path}
            />
          ) : (
            <span className="material-notice material-notice-inline" role="alert" data-testid="material-notice">
              {t('viewer:leaflet.foreignImage', { path: block.path })}
            </span>
          )}
          {caption && (
            <Columns
              leaflet={leaflet}
              texts={[caption]}
              className="leaflet-caption"
              as="figcaption"
              render={(tag) => <span lang={tag}>{caption[tag]}</span>}
            />
          )}
        </figure>
      );
    }
  }
}

/** One piece of the leaflet in each of its languages, side by side (vi | jra). */
function Columns({
  leaflet,
  texts,
  className,
  render,
  as = 'div',
}: {
  leaflet: Leaflet;
  texts: readonly LeafletText[];
  className: string;
  render: (tag: string) => ReactNode;
  as?: 'div' | 'figcaption';
}) {
  const languages = textLanguages(leaflet, texts);
  const Tag = as;
  return (
    <Tag className={`leaflet-block ${className}`} data-columns={languages.length}>
      {languages.map((tag) => (
        <div key={tag} className="leaflet-column" data-language={tag}>
          {render(tag)}
        </div>
      ))}
    </Tag>
  );
}
