import { useT } from '../../i18n/use-t';
import { CountInput, DateTimeInput, TextInput } from './form-controls';
import type { FormValues } from './form-memory';
import type { NewRecordContext } from './kind-forms';
import { LanguageInput } from './LanguageInputs';
import { localDateTime } from './local-time';
import { MaterialsInput } from './MaterialsInput';
import { WhereFields } from './WhereFields';

/** Leaflets handed out: which one, in which language, how many, where, by whom. */
export function LeafletHandoutForm() {
  const t = useT();
  return (
    <div className="form-grid">
      <MaterialsInput path="leaflet" label={t('logbooks:field.leafletHandout.leaflet')} single kind="leaflet" />
      <LanguageInput path="language" label={t('logbooks:field.leafletHandout.language')} />
      <CountInput path="copies" label={t('logbooks:field.leafletHandout.copies')} />
      <DateTimeInput path="occurredAt" label={t('logbooks:field.leafletHandout.occurredAt')} />
      <WhereFields />
      <TextInput path="handedOutBy" label={t('logbooks:field.leafletHandout.handedOutBy')} />
      <TextInput path="notes" label={t('logbooks:common.notes')} long />
    </div>
  );
}

export const leafletHandoutDefaults = ({ now, name }: NewRecordContext): FormValues => ({
  occurredAt: localDateTime(now),
  language: 'vi',
  handedOutBy: name,
});
