import { useState, type FormEvent } from 'react';
import type { RegistryEntry } from '../../../electron/core/contract';
import { useT } from '../../i18n/use-t';
import { Field, FieldGroup } from '../forms/Field';
import { FormProblem } from '../forms/FormProblem';
import { useFieldMessage } from '../forms/use-field-message';
import { villageTypes, type VillageType } from '../../../shared/registry-choices';
import { villageData } from './entry-view';
import { FormButtons } from './FormButtons';
import { listFromText, numberFromText, textFromNumber } from './form-values';
import { useSaveEntry } from './use-save-entry';

/** A thôn or buôn of the commune. */
export function VillageForm({ entry, onDone }: { entry: RegistryEntry | undefined; onDone: (message: string) => void }) {
  const t = useT();
  const initial = entry ? villageData(entry) : undefined;
  const [name, setName] = useState(initial?.name ?? '');
  const [type, setType] = useState<VillageType | ''>(initial?.type ?? '');
  const [households, setHouseholds] = useState(textFromNumber(initial?.households));
  const [clusters, setClusters] = useState((initial?.loudspeakerClusters ?? []).join('; '));
  const [formerDistrict, setFormerDistrict] = useState(initial?.formerDistrict ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const { form, busy, errors, error, save } = useSaveEntry('villages', entry, onDone);
  const message = useFieldMessage(errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({
      name,
      type: type || undefined,
      households: numberFromText(households),
      loudspeakerClusters: listFromText(clusters),
      formerDistrict,
      notes,
    });
  };

  return (
    <form ref={form} className="card registry-form" onSubmit={submit} noValidate data-testid="village-form">
      <div className="form-grid">
        <Field label={t('registries:field.villages.name')} error={message('name')} testId="field-name">
          {(control) => <input {...control} value={name} onChange={(event) => setName(event.target.value)} required />}
        </Field>
        <FieldGroup legend={t('registries:field.villages.type')} error={message('type')} role="radiogroup" testId="field-type">
          {villageTypes.map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="village-type" value={value} checked={type === value} onChange={() => setType(value)} />
              <span>{t(`registries:villageType.${value}`)}</span>
            </label>
          ))}
        </FieldGroup>
        <Field label={t('registries:field.villages.households')} error={message('households')}>
          {(control) => (
            <input {...control} inputMode="numeric" value={households} onChange={(event) => setHouseholds(event.target.value)} />
          )}
        </Field>
        <Field
          label={t('registries:field.villages.loudspeakerClusters')}
          hint={t('registries:form.listHint')}
          error={message('loudspeakerClusters')}
        >
          {(control) => <input {...control} value={clusters} onChange={(event) => setClusters(event.target.value)} />}
        </Field>
        <Field
          label={t('registries:field.villages.formerDistrict')}
          hint={t('registries:form.formerDistrictHint')}
          error={message('formerDistrict')}
        >
          {(control) => <input {...control} value={formerDistrict} onChange={(event) => setFormerDistrict(event.target.value)} />}
        </Field>
        <Field label={t('registries:field.villages.notes')} error={message('notes')} className="wide">
          {(control) => <textarea {...control} rows={3} value={notes} onChange={(event) => setNotes(event.target.value)} />}
        </Field>
      </div>
      <FormProblem error={error} errors={errors} />
      <FormButtons registry="villages" busy={busy} />
    </form>
  );
}
