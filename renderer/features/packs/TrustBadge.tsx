import { ShieldX, ShieldCheck, FlaskConical } from 'lucide-react';
import type { PackSummary } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';

/** Whether a pack is official, demo, or no longer vouched for: shown wherever a pack is. */
export function TrustBadge({ pack }: { pack: Pick<PackSummary, 'official' | 'trust'> }) {
  const t = useT();
  if (pack.trust !== 'ok') {
    return (
      <span className="badge badge-danger" data-testid="badge-untrusted">
        <ShieldX aria-hidden="true" />
        {t(pack.trust === 'revoked' ? 'packs:revoked' : 'packs:untrusted')}
      </span>
    );
  }
  return pack.official ? (
    <span className="badge badge-official" data-testid="badge-official">
      <ShieldCheck aria-hidden="true" />
      {t('packs:official')}
    </span>
  ) : (
    <span className="badge badge-demo" data-testid="badge-demo">
      <FlaskConical aria-hidden="true" />
      {t('packs:demo')}
    </span>
  );
}
