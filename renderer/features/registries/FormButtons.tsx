import { Save } from 'lucide-react';
import type { RegistryName } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { registryHref } from './registries-route';

export function FormButtons({ registry, busy }: { registry: RegistryName; busy: boolean }) {
  const t = useT();
  return (
    <div className="form-buttons">
      <button type="submit" className="primary" disabled={busy} data-testid="entry-save">
        <Save aria-hidden="true" /> {t('registries:form.save')}
      </button>
      <a className="button-link" href={registryHref({ registry, view: 'list' })}>
        {t('common:cancel')}
      </a>
    </div>
  );
}
