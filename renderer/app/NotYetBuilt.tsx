import { useT } from '../i18n/use-t';
import type { PlaceId } from './places';

/** What a place says until its capability exists: plainly, with no pretend data. */
export function NotYetBuilt({ place }: { place: PlaceId }) {
  const t = useT();
  return (
    <section className="not-yet" data-testid="not-yet-built">
      <h2>{t('common:notYetBuilt.title')}</h2>
      <p>{t('common:notYetBuilt.body')}</p>
      <p className="purpose">{t(`nav:${place}.purpose`)}</p>
    </section>
  );
}
