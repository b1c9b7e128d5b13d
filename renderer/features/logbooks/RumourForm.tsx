import { useT } from '../../i18n/use-t';
import { rumourStatuses, spreadChannels, type SpreadChannel } from '../../../shared/logbook-choices';
import { CheckboxChoices, DateTimeInput, RadioChoices, TextInput } from './form-controls';
import type { FormValues } from './form-memory';
import type { NewRecordContext } from './kind-forms';
import { localDateTime } from './local-time';
import { MaterialsInput } from './MaterialsInput';
import { useRecordForm } from './record-form-context';
import { WhereFields } from './WhereFields';

/** A rumour heard: what, where and when, how it spread, what official material answers it, and where it stands. */
export function RumourForm() {
  const t = useT();
  const form = useRecordForm();
  const channels = (form.values['channels'] as SpreadChannel[] | undefined) ?? [];
  return (
    <div className="form-grid">
      <TextInput path="content" label={t('logbooks:field.rumour.content')} long />
      <DateTimeInput path="occurredAt" label={t('logbooks:field.rumour.occurredAt')} />
      <WhereFields />
      <CheckboxChoices
        path="channels"
        label={t('logbooks:field.rumour.channels')}
        className="wide"
        options={spreadChannels.map((value) => ({ value, label: t(`logbooks:channel.${value}`) }))}
      >
        {channels.includes('other') && (
          <TextInput path="channelOther" label={t('logbooks:field.rumour.channelOther')} className="other-text" />
        )}
      </CheckboxChoices>
      <MaterialsInput path="answeredBy" label={t('logbooks:field.rumour.answeredBy')} hint={t('logbooks:materials.answerHint')} />
      <RadioChoices
        path="status"
        label={t('logbooks:field.rumour.status')}
        className="wide"
        options={rumourStatuses.map((value) => ({ value, label: t(`logbooks:rumourStatus.${value}`) }))}
      />
      <TextInput path="notes" label={t('logbooks:common.notes')} long />
    </div>
  );
}

export const rumourDefaults = ({ now }: NewRecordContext): FormValues => ({
  occurredAt: localDateTime(now),
  status: 'new',
  channels: [],
  answeredBy: [],
});

/** The other channel's name belongs to "other" only. */
export const rumourData = (values: FormValues): FormValues =>
  ((values['channels'] as string[] | undefined) ?? []).includes('other') ? values : { ...values, channelOther: undefined };
