import { useT } from '../../i18n/use-t';
import { AddProfileForm } from './AddProfileForm';

/**
 * While no one has a profile on this laptop: asks who is using it, gently. The library and
 * everything else stay open; only saving in the logbooks needs a name.
 */
export function FirstRunPrompt({ onLater }: { onLater: () => void }) {
  const t = useT();
  return (
    <section className="card first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title">{t('profiles:firstRun.title')}</h2>
      <p className="hint">{t('profiles:firstRun.body')}</p>
      <AddProfileForm
        activate
        pinHint={false}
        submitLabel={t('profiles:firstRun.start')}
        aside={
          <button type="button" className="link-button" onClick={onLater} data-testid="first-run-later">
            {t('profiles:firstRun.later')}
          </button>
        }
      />
    </section>
  );
}
