import { Plus, Trash } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { RegistryEntry } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { Field, FieldGroup } from '../forms/Field';
import { FormProblem } from '../forms/FormProblem';
import { useFieldMessage } from '../forms/use-field-message';
import { religions, type Religion } from '../../../shared/registry-choices';
import { placeData } from './entry-view';
import { FormButtons } from './FormButtons';
import { useSaveEntry } from './use-save-entry';
import { VillageSelect } from './VillageSelect';

interface Dignitary {
  /** Only for React to tell rows apart while they are added and removed. */
  readonly key: number;
  readonly name: string;
  readonly title: string;
}

/** A place of worship: its religion and organisation, where it is, the dignitaries met there. */
export function PlaceForm({ entry, onDone }: { entry: RegistryEntry | undefined; onDone: (message: string) => void }) {
  const t = useT();
  const initial = entry ? placeData(entry) : undefined;
  const [name, setName] = useState(initial?.name ?? '');
  const [religion, setReligion] = useState<Religion | ''>(initial?.religion ?? '');
  const [denomination, setDenomination] = useState(initial?.denomination ?? '');
  const [organisation, setOrganisation] = useState(initial?.organisation ?? '');
  const [villageId, setVillageId] = useState(initial?.villageId ?? '');
  const [address, setAddress] = useState(initial?.address ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [dignitaries, setDignitaries] = useState<readonly Dignitary[]>(
    (initial?.dignitaries ?? []).map((person, key) => ({ key, name: person.name, title: person.title ?? '' })),
  );
  const [nextKey, setNextKey] = useState(dignitaries.length);
  const { form, busy, errors, error, save } = useSaveEntry('places', entry, onDone);
  const message = useFieldMessage(errors);

  const change = (key: number, patch: Partial<Dignitary>) =>
    setDignitaries(dignitaries.map((person) => (person.key === key ? { ...person, ...patch } : person)));
  const add = () => {
    setDignitaries([...dignitaries, { key: nextKey, name: '', title: '' }]);
    setNextKey(nextKey + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({
      name,
      religion: religion || undefined,
      denomination,
      organisation,
      villageId,
      address,
      notes,
      // Every row is sent, an empty one too, so that the core's message for row N lands on row N.
      dignitaries: dignitaries.map((person) => ({ name: person.name, title: person.title })),
    });
  };

  return (
    <form ref={form} className="card registry-form" onSubmit={submit} noValidate data-testid="place-form">
      <div className="form-grid">
        <Field label={t('registries:field.places.name')} error={message('name')} testId="field-name">
          {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} required />}
        </Field>
        <VillageSelect
          label={t('registries:field.places.villageId')}
          value={villageId}
          onChange={setVillageId}
          error={message('villageId')}
        />
        <FieldGroup
          legend={t('registries:field.places.religion')}
          error={message('religion')}
          role="radiogroup"
          className="wide"
          testId="field-religion"
        >
          {religions.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="place-religion" checked={religion === value} onChange={() => setReligion(value)} />
              <span>{t(`registries:religion.${value}`)}</span>
            </label>
          ))}
        </FieldGroup>
        <Field
          label={t('registries:field.places.denomination')}
          hint={t('registries:form.denominationHint')}
          error={message('denomination')}
        >
          {(control) => <input {...control} value={denomination} onChange={(event) => setDenomination(event.target.value)} />}
        </Field>
        <Field
          label={t('registries:field.places.organisation')}
          hint={t('registries:form.organisationHint')}
          error={message('organisation')}
        >
          {(control) => <input {...control} value={organisation} onChange={(event) => setOrganisation(event.target.value)} />}
        </Field>
        <Field label={t('registries:field.places.address')} error={message('address')} className="wide">
          {(control) => <input {...control} value={address} onChange={(event) => setAddress(event.target.value)} />}
        </Field>
      </div>
      <fieldset className="field dignitaries" data-testid="field-dignitaries">
        <legend>{t('registries:field.places.dignitaries')}</legend>
        <p className="hint">{t('registries:form.dignitariesHint')}</p>
        {dignitaries.map((person, index) => (
          <div key={person.key} className="dignitary-row" role="group" aria-label={t('registries:form.dignitary', { number: index + 1 })}>
            <Field label={t('registries:form.dignitaryName')} error={message(`dignitaries.${index}.name`)}>
              {(control) => (
                <input {...control} value={person.name} onChange={(event) => change(person.key, { name: event.target.value })} />
              )}
            </Field>
            <Field label={t('registries:form.dignitaryTitle')} error={message(`dignitaries.${index}.title`)}>
              {(control) => (
                <input {...control} value={person.title} onChange={(event) => change(person.key, { title: event.target.value })} />
              )}
            </Field>
            <button
              type="button"
              className="icon-button"
              onClick={() => setDignitaries(dignitaries.filter((each) => each.key !== person.key))}
              aria-label={t('registries:form.removeDignitary', { number: index + 1 })}
              title={t('registries:form.removeDignitary', { number: index + 1 })}
            >
              <Trash aria-hidden="true" />
            </button>
          </div>
        ))}
        <button type="button" onClick={add} data-testid="add-dignitary">
          <Plus aria-hidden="true" /> {t('registries:form.addDignitary')}
        </button>
      </fieldset>
      <Field label={t('registries:field.places.notes')} error={message('notes')}>
        {(control) => <textarea {...control} rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} />}
      </Field>
      <FormProblem error={error} errors={errors} />
      <FormButtons registry="places" busy={busy} />
    </form>
  );
}
