import { useT } from '../../i18n/use-t';
import { Field } from '../forms/Field';
import { entryName } from '../../../shared/registry-entry';
import { useRegistry } from './use-registry';

/** Which village an entry belongs to, chosen from the commune's own list. */
export function VillageSelect({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
}) {
  const t = useT();
  const { entries } = useRegistry('villages');
  return (
    <Field label={label} error={error} hint={entries?.length === 0 ? t('registries:form.noVillages') : undefined}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">{t('registries:form.noVillage')}</option>
          {entries?.map((village) => (
            <option key={village.id} value={village.id}>
              {entryName(village)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
