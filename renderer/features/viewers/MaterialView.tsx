import { useId, useMemo, useState } from 'react';
import type { Material, MaterialPack } from '../../../electron/core/contract';
import { resolveUiLanguage } from '../../../locales';
import { i18next } from '../../i18n/i18n';
import { ArticleViewer } from './ArticleViewer';
import { FileNotice } from './FileNotice';
import { ImageViewer } from './ImageViewer';
import { LanguageBar } from './LanguageBar';
import { useLanguageName } from './language-name';
import { LeafletPreview } from './LeafletPreview';
import { MaterialHeader, MaterialSource } from './MaterialHeader';
import { MediaPlayer } from './MediaPlayer';
import { PdfViewer } from './PdfViewer';
import { defaultVariant, materialVariants, type Variant } from './variants';

export interface MaterialViewProps {
  readonly material: Material;
  readonly pack: MaterialPack;
}

/**
 * One material of a pack: its title, where it comes from (publisher, pack and version, signed
 * date, official or demo, expired or withdrawn), then its content in the viewer for its kind,
 * with a choice of language versions and two of them side by side.
 */
export function MaterialView({ material, pack }: MaterialViewProps) {
  // A different material, or a new version of the pack, starts afresh.
  return <MaterialViewFor key={`${material.id}@${pack.version}`} material={material} pack={pack} />;
}

function MaterialViewFor({ material, pack }: MaterialViewProps) {
  const titleId = useId();
  const variants = useMemo(() => materialVariants(material), [material]);
  const [primaryLanguage, setPrimaryLanguage] = useState(() => defaultVariant(variants, resolveUiLanguage(i18next.language))?.language);
  const [secondaryLanguage, setSecondaryLanguage] = useState<string | undefined>(undefined);
  const [sideBySide, setSideBySide] = useState(false);
  const primary = variants.find((variant) => variant.language === primaryLanguage) ?? variants[0];
  const others = variants.filter((variant) => variant !== primary);
  const secondary = sideBySide ? (others.find((variant) => variant.language === secondaryLanguage) ?? others[0]) : undefined;
  const withdrawn = material.withdrawn || pack.withdrawn;

  return (
    <article
      className={`material-view material-kind-${material.kind}${withdrawn ? ' material-view-withdrawn' : ''}`}
      aria-labelledby={titleId}
      data-testid="material-view"
      data-material-id={material.id}
      data-kind={material.kind}
    >
      <MaterialHeader material={material} pack={pack} titleId={titleId} />
      {variants.length > 1 && primary && (
        <LanguageBar
          variants={variants}
          primary={primary}
          secondary={secondary}
          sideBySide={sideBySide}
          onPrimary={(variant) => setPrimaryLanguage(variant.language)}
          onSecondary={(variant) => setSecondaryLanguage(variant.language)}
          onSideBySide={setSideBySide}
        />
      )}
      {primary ? (
        <div className={`material-body${secondary ? ' side-by-side' : ''}`}>
          <VariantPane material={material} variant={primary} labelled={Boolean(secondary)} />
          {secondary && <VariantPane material={material} variant={secondary} labelled />}
        </div>
      ) : (
        <FileNotice reason="noFile" path="" kind={material.kind} />
      )}
      <MaterialSource material={material} />
    </article>
  );
}

/** One language version, in the viewer for the material's kind. */
function VariantPane({ material, variant, labelled }: { material: Material; variant: Variant; labelled: boolean }) {
  const name = useLanguageName();
  const { file } = variant;
  return (
    <section
      className="variant-pane"
      lang={variant.language}
      data-language={variant.language}
      aria-label={labelled ? name(variant.language) : undefined}
    >
      {labelled && <h3 className="variant-language">{name(variant.language)}</h3>}
      <KindViewer key={file.path} material={material} file={file} />
    </section>
  );
}

function KindViewer({ material, file }: { material: Material; file: Variant['file'] }) {
  switch (material.kind) {
    case 'article':
      return <ArticleViewer material={material} file={file} />;
    case 'image':
      return <ImageViewer material={material} file={file} />;
    case 'audio':
    case 'video':
      return <MediaPlayer material={material} file={file} kind={material.kind} />;
    case 'pdf':
      return <PdfViewer material={material} file={file} />;
    case 'leaflet':
      return <LeafletPreview material={material} file={file} />;
  }
}
