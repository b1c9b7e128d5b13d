import { useQuery } from '../../api/use-query';
import { useT } from '../../i18n/use-t';
import { localized } from '../../i18n/use-localized';

/** The root keys this laptop accepts: built in, or added by district IT with `chieng trust add`. */
export function TrustedRoots() {
  const t = useT();
  const roots = useQuery('trust.list', {}).value?.roots ?? [];
  return (
    <section className="card trusted-roots" aria-labelledby="roots-title" data-testid="trusted-roots">
      <h2 id="roots-title">{t('settings:roots.title')}</h2>
      <p className="hint">{t('settings:roots.hint')}</p>
      <ul>
        {roots.map((root) => (
          <li key={root.keyId}>
            <strong>{localized(root.name)}</strong> · {t(`settings:roots.role.${root.role}`)} ·{' '}
            {t(root.builtIn ? 'settings:roots.builtIn' : 'settings:roots.added')}
            <div className="hint">
              {t('settings:roots.prefixes', { list: root.prefixes.join(', ') })} · <code>{root.keyId}</code>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
