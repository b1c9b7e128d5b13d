import { useT } from '../../i18n/use-t';
import { minoritySpecimen, vietnameseSpecimen } from './glyph-specimen';

export function GlyphCheck() {
  const t = useT();
  return (
    <section className="card glyph-check" aria-labelledby="glyph-title" data-testid="glyph-check">
      <h2 id="glyph-title">{t('settings:glyphs.title')}</h2>
      <p className="hint">{t('settings:glyphs.hint')}</p>
      <h3>{t('settings:glyphs.vietnamese')}</h3>
      <p className="specimen" lang="vi" data-testid="specimen-vi">
        {vietnameseSpecimen}
      </p>
      <h3>{t('settings:glyphs.minority')}</h3>
      <p className="specimen" lang="rad" data-testid="specimen-minority">
        {minoritySpecimen}
      </p>
    </section>
  );
}
