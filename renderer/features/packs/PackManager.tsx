import { useQuery } from '../../api/use-query';
import { formatBytes } from '../../i18n/format';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { ImportPanel } from './ImportPanel';
import { PackCard } from './PackCard';

export function PackManager() {
  const t = useT();
  const describe = useMessage();
  // Reloaded whenever the core says the packs changed, and after each look at the hub's
  // catalog: a withdrawal it brings changes a pack with nothing to download.
  const { value, error } = useQuery('packs.list', {}, { on: { 'packs.changed': true, 'sync.changed': true } });
  const packs = value?.packs;
  return (
    <section className="pack-manager" aria-labelledby="packs-title">
      <h2 id="packs-title">{t('packs:title')}</h2>
      <p className="hint">{t('packs:intro')}</p>
      <ImportPanel />
      {error && (
        <p className="field-error" role="alert">
          {describe(error)}
        </p>
      )}
      {packs?.length === 0 && <p>{t('packs:empty')}</p>}
      {packs?.map((pack) => (
        <PackCard key={pack.id} pack={pack} />
      ))}
      {packs && packs.length > 0 && <p className="hint">{t('packs:storeTotal', { size: formatBytes(value?.storeBytes ?? 0) })}</p>}
    </section>
  );
}
