import { Plus, X } from 'lucide-react';
import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { FieldGroup } from '../forms/Field';
import { CountInput, countFromText } from './form-controls';
import { useFormField, useRecordForm } from './record-form-context';

interface EthnicityRow {
  readonly ethnicity?: string;
  readonly count?: number | undefined;
}

/** How many came: the total, and if counted, how many men and women and of which ethnic groups. */
export function AudienceFields() {
  const t = useT();
  const form = useRecordForm();
  // A final record without any audience is told so at the total, where it is answered.
  const totalError = form.errorAt('audience.total') ?? form.errorAt('audience');
  return (
    <FieldGroup legend={t('logbooks:audience.legend')} hint={t('logbooks:audience.hint')} className="wide audience">
      <div className="form-row">
        <CountInput path="audience.total" label={t('logbooks:field.figureOutreach.audience.total')} error={totalError} />
        <CountInput path="audience.male" label={t('logbooks:field.figureOutreach.audience.male')} />
        <CountInput path="audience.female" label={t('logbooks:field.figureOutreach.audience.female')} />
      </div>
      <EthnicityRows />
    </FieldGroup>
  );
}

function EthnicityRows() {
  const t = useT();
  const listId = useId();
  const field = useFormField<EthnicityRow[]>('audience.byEthnicity');
  const rows = field.value ?? [];
  const change = (index: number, row: EthnicityRow) => field.set(rows.map((each, at) => (at === index ? row : each)));
  return (
    <FieldGroup
      legend={t('logbooks:field.figureOutreach.audience.byEthnicity')}
      error={field.error}
      className="ethnicity-rows"
      testId="field-audience.byEthnicity"
    >
      {rows.map((row, index) => (
        <div key={index} className="ethnicity-row">
          <input
            aria-label={t('logbooks:audience.ethnicity', { number: index + 1 })}
            placeholder={t('logbooks:audience.ethnicityPlaceholder')}
            list={listId}
            maxLength={200}
            value={row.ethnicity ?? ''}
            onChange={(event) => change(index, { ...row, ethnicity: event.target.value })}
          />
          <input
            aria-label={t('logbooks:audience.count', { number: index + 1 })}
            inputMode="numeric"
            maxLength={7}
            value={row.count === undefined ? '' : String(row.count)}
            onChange={(event) => change(index, { ...row, count: countFromText(event.target.value) })}
          />
          <button
            type="button"
            className="icon-button"
            onClick={() => field.set(rows.filter((_, at) => at !== index))}
            aria-label={t('logbooks:audience.removeRow', { number: index + 1 })}
          >
            <X aria-hidden="true" />
          </button>
        </div>
      ))}
      <datalist id={listId}>
        {ethnicGroups.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <button type="button" onClick={() => field.set([...rows, {}])}>
        <Plus aria-hidden="true" /> {t('logbooks:audience.addRow')}
      </button>
    </FieldGroup>
  );
}

/** The ethnic groups most numerous in Đắk Lắk, offered as the name is typed (any other may be written). */
const ethnicGroups = ['Kinh', 'Ê Đê', "J'rai", "M'nông", 'Tày', 'Nùng', 'Thái', 'Mông', 'Dao', 'Mường', 'Xơ Đăng', 'Ba Na'];
