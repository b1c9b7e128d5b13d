import { formatBytes } from '../../i18n/format';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import { ImportPanel } from './ImportPanel';
import { PackCard } from './PackCard';
import { usePacks } from './use-packs';

export function PackManager() {
  const t = useT();
  const describe = useMessage();
  const { packs, storeBytes, error } = usePacks();
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
      {packs && packs.length > 0 && <p className="hint">{t('packs:storeTotal', { size: formatBytes(storeBytes) })}</p>}
    </section>
  );
}
