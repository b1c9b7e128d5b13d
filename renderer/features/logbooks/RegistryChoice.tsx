import type { RegistryEntry, RegistryName } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { registryHref } from '../registries/registries-route';
import { entryName } from '../../../shared/registry-entry';
import { useRegistry } from '../registries/use-registry';
import { SelectInput } from './form-controls';
import type { FieldPath } from './form-values';

/**
 * An entry of a registry (a village, a community figure, a place of worship), chosen by
 * name. When the registry is still empty, says where to add one.
 */
export function RegistryChoice({
  registry,
  path,
  label,
  hint,
  onChoose,
}: {
  registry: RegistryName;
  path: FieldPath;
  label: string;
  hint?: string;
  onChoose?: (entry: RegistryEntry) => void;
}) {
  const t = useT();
  const { entries } = useRegistry(registry);
  const chosen = (id: string | undefined) => {
    const entry = entries?.find((each) => each.id === id);
    if (entry) onChoose?.(entry);
  };
  const options = (entries ?? []).map((entry) => ({ value: entry.id, label: entryName(entry) }));
  const empty = entries?.length === 0;
  return (
    <SelectInput
      path={path}
      label={label}
      hint={hint}
      options={options}
      empty={t('logbooks:form.noneChosen')}
      onChosen={chosen}
      after={
        empty && (
          <p className="hint registry-empty">
            {t(`logbooks:registryEmpty.${registry}`)}{' '}
            <a href={registryHref({ registry, view: 'new' })}>{t('logbooks:registryEmpty.add')}</a>
          </p>
        )
      }
    />
  );
}
