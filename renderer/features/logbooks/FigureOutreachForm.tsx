import { useT } from '../../i18n/use-t';
import { figureData } from '../registries/entry-view';
import { AudienceFields } from './AudienceFields';
import { DateTimeInput, LinesInput, TextInput } from './form-controls';
import type { FormValues } from './form-memory';
import type { NewRecordContext } from './kind-forms';
import { LanguagesInput } from './LanguageInputs';
import { localDateTime } from './local-time';
import { MaterialsInput } from './MaterialsInput';
import { useRecordForm } from './record-form-context';
import { RegistryChoice } from './RegistryChoice';
import { WhereFields } from './WhereFields';

/** Outreach by a respected community figure: who, when, where, to how many, in which languages, about what. */
export function FigureOutreachForm() {
  const t = useT();
  const form = useRecordForm();
  return (
    <div className="form-grid">
      <RegistryChoice
        registry="figures"
        path="figureId"
        label={t('logbooks:field.figureOutreach.figureId')}
        onChoose={(entry) => {
          // Most meetings are in the figure's own village: put it in unless one is chosen.
          const village = figureData(entry).villageId;
          if (village && form.values['villageId'] === undefined) form.set('villageId', village);
        }}
      />
      <DateTimeInput path="occurredAt" label={t('logbooks:field.figureOutreach.occurredAt')} />
      <WhereFields />
      <AudienceFields />
      <LanguagesInput path="languages" label={t('logbooks:common.languages')} />
      <MaterialsInput path="materials" label={t('logbooks:common.materials')} />
      <LinesInput path="topics" label={t('logbooks:field.figureOutreach.topics')} />
      <LinesInput path="questions" label={t('logbooks:field.figureOutreach.questions')} />
      <LinesInput path="followUps" label={t('logbooks:common.followUps')} />
      <TextInput path="notes" label={t('logbooks:common.notes')} long />
    </div>
  );
}

export const figureOutreachDefaults = ({ now }: NewRecordContext): FormValues => ({
  occurredAt: localDateTime(now),
  languages: ['vi'],
  materials: [],
  topics: [],
  questions: [],
  followUps: [],
});
