import { useT } from '../../i18n/use-t';
import { broadcastSources, bulletinPriorities } from '../../../shared/logbook-choices';
import { CountInput, DateTimeInput, RadioChoices, TextInput } from './form-controls';
import type { FormValues } from './form-memory';
import type { NewRecordContext } from './kind-forms';
import { LanguagesInput } from './LanguageInputs';
import { localDateTime } from './local-time';
import { MaterialsInput } from './MaterialsInput';
import { useRecordForm } from './record-form-context';
import { WhereFields } from './WhereFields';

/** A loudspeaker session: when, where, who ran it, what was played from which source, in which languages. */
export function LoudspeakerForm() {
  const t = useT();
  const form = useRecordForm();
  return (
    <div className="form-grid">
      <DateTimeInput path="occurredAt" label={t('logbooks:field.loudspeaker.occurredAt')} />
      <DateTimeInput path="endedAt" label={t('logbooks:field.loudspeaker.endedAt')} />
      <WhereFields cluster />
      <TextInput path="operator" label={t('logbooks:field.loudspeaker.operator')} />
      <MaterialsInput path="materials" label={t('logbooks:common.materials')} hint={t('logbooks:materials.hint')} />
      <RadioChoices
        path="source"
        label={t('logbooks:field.loudspeaker.source')}
        className="wide"
        options={broadcastSources.map((value) => ({ value, label: t(`logbooks:source.${value}`) }))}
      />
      {form.values['source'] === 'bulletin' && (
        <RadioChoices
          path="bulletinPriority"
          label={t('logbooks:field.loudspeaker.bulletinPriority')}
          className="wide"
          options={bulletinPriorities.map((value) => ({ value, label: t(`logbooks:priority.${value}`) }))}
        />
      )}
      <LanguagesInput path="languages" label={t('logbooks:common.languages')} />
      <CountInput path="repeats" label={t('logbooks:field.loudspeaker.repeats')} />
      <CountInput path="estimatedReach" label={t('logbooks:field.loudspeaker.estimatedReach')} />
      <TextInput path="approvedBy" label={t('logbooks:field.loudspeaker.approvedBy')} />
      <TextInput path="incidents" label={t('logbooks:field.loudspeaker.incidents')} long />
      <TextInput path="notes" label={t('logbooks:common.notes')} long />
    </div>
  );
}

export const loudspeakerDefaults = ({ now, name }: NewRecordContext): FormValues => ({
  occurredAt: localDateTime(now),
  operator: name,
  repeats: 1,
  languages: ['vi'],
});

/** A priority belongs to a bulletin only; one chosen before the source changed is not kept. */
export const loudspeakerData = (values: FormValues): FormValues =>
  values['source'] === 'bulletin' ? values : { ...values, bulletinPriority: undefined };
