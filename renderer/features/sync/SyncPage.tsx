import { PackManager } from '../packs/PackManager';
import { useT } from '../../i18n/use-t';

export function SyncPage() {
  const t = useT();
  return (
    <div className="sync-page">
      <p className="notice-inline">{t('packs:hubNotYet')}</p>
      <PackManager />
    </div>
  );
}
