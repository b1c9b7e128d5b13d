import { UserPlus } from 'lucide-react';
import { useT } from '../../i18n/use-t';
import { placeData } from '../registries/entry-view';
import { useRegistry } from '../registries/use-registry';
import { CountInput, DateTimeInput, LinesInput, TextInput } from './form-controls';
import type { FormValues } from './form-memory';
import type { NewRecordContext } from './kind-forms';
import { localDateTime } from './local-time';
import { MaterialsInput } from './MaterialsInput';
import { useFormField, useRecordForm } from './record-form-context';
import { RegistryChoice } from './RegistryChoice';

/** A visit to a place of worship: where, by whom, the dignitaries met, what was conveyed and observed. */
export function WorshipOutreachForm() {
  const t = useT();
  return (
    <div className="form-grid">
      <RegistryChoice registry="places" path="placeId" label={t('logbooks:field.worshipOutreach.placeId')} />
      <DateTimeInput path="occurredAt" label={t('logbooks:field.worshipOutreach.occurredAt')} />
      <TextInput path="staff" label={t('logbooks:field.worshipOutreach.staff')} />
      <CountInput path="attendance" label={t('logbooks:field.worshipOutreach.attendance')} />
      <DignitariesMet />
      <TextInput path="conveyed" label={t('logbooks:field.worshipOutreach.conveyed')} long />
      <TextInput path="observed" label={t('logbooks:field.worshipOutreach.observed')} long />
      <MaterialsInput path="materials" label={t('logbooks:common.materials')} />
      <LinesInput path="followUps" label={t('logbooks:common.followUps')} />
    </div>
  );
}

/** The dignitaries met, one a line; those the registry lists for the place are a click away. */
function DignitariesMet() {
  const t = useT();
  const form = useRecordForm();
  const met = useFormField<string[]>('dignitariesMet');
  const places = useRegistry('places').entries ?? [];
  const place = places.find((entry) => entry.id === form.values['placeId']);
  const listed = (met.value ?? []).map((line) => line.trim());
  const offered = place ? placeData(place).dignitaries.filter((person) => !listed.includes(person.name)) : [];
  return (
    <div className="wide dignitaries">
      <LinesInput path="dignitariesMet" label={t('logbooks:field.worshipOutreach.dignitariesMet')} className="wide" />
      {offered.length > 0 && (
        <div className="suggestions" role="group" aria-label={t('logbooks:dignitaries.fromPlace')}>
          <span className="hint">{t('logbooks:dignitaries.fromPlace')}</span>
          {offered.map((person) => (
            <button
              key={person.name}
              type="button"
              onClick={() => met.set([...(met.value ?? []).filter((line) => line.trim() !== ''), person.name])}
            >
              <UserPlus aria-hidden="true" /> {person.title ? `${person.title} ${person.name}` : person.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export const worshipOutreachDefaults = ({ now, name }: NewRecordContext): FormValues => ({
  occurredAt: localDateTime(now),
  staff: name,
  dignitariesMet: [],
  materials: [],
  followUps: [],
});
