import type { Material, MaterialPack } from '../../../electron/core/contract';
import { formatBytes } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import { KindIcon } from './KindIcon';
import { localizedText } from './localized-text';
import { kindName, languageName } from './names';
import { Provenance } from './Provenance';

/** Stands in for the material viewer while it is being built: the title, where it comes from, the files. */
export function MaterialPlaceholder({ material, pack }: { material: Material; pack: MaterialPack }) {
  const t = useT();
  const title = localizedText(material.title);
  const summary = material.summary ? localizedText(material.summary) : null;
  return (
    <div className="material-placeholder" data-testid="material-placeholder">
      <header className="material-detail-header">
        <KindIcon kind={material.kind} />
        <div>
          <h2 className="material-title" lang={title.lang}>
            {title.text}
          </h2>
          <p className="material-facts">
            <span className="material-kind">{kindName(t, material.kind)}</span>
            <span>{material.languages.map((tag) => languageName(t, tag)).join(', ')}</span>
          </p>
          <Provenance material={material} pack={pack} />
          {material.withdrawn && (
            <p className="field-error" role="note">
              {t('library:detail.withdrawnNote')}
            </p>
          )}
        </div>
      </header>
      <div className="card">
        <p className="hint">{t('library:detail.viewerSoon')}</p>
        {summary && <p lang={summary.lang}>{summary.text}</p>}
        <h3>{t('library:detail.files')}</h3>
        <ul className="material-files">
          {material.files.map((file) => (
            <li key={file.path}>
              <code>{file.path}</code> · {file.mediaType} · {formatBytes(file.size)}
              {file.language && ` · ${languageName(t, file.language)}`}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
