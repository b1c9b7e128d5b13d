import { useT } from '../../i18n/use-t';
import { Field, FieldGroup } from '../forms/Field';
import { consentMethods, type ConsentMethod } from '../../../shared/registry-choices';

export interface ConsentDraft {
  readonly given: 'yes' | 'no' | '';
  readonly date: string;
  readonly method: ConsentMethod | '';
  readonly recordedBy: string;
  readonly note: string;
}

/** The consent as an entry keeps it; none at all until the person's answer is recorded. */
export function consentData(draft: ConsentDraft): Record<string, unknown> | undefined {
  if (draft.given === '') return undefined;
  return {
    given: draft.given === 'yes',
    date: draft.date,
    method: draft.method || undefined,
    recordedBy: draft.recordedBy,
    note: draft.note,
  };
}

interface ConsentFieldsProps {
  readonly draft: ConsentDraft;
  readonly onChange: (draft: ConsentDraft) => void;
  /** What is wrong at each of the consent's fields, by its path under `consent`. */
  readonly message: (path: string) => string | undefined;
  /** No consent recorded at all: said at the question it lacks the answer to. */
  readonly missing: string | undefined;
}

/**
 * The record that the person was asked, and what they answered: when, how, and who wrote
 * it down. Asked of everyone on the list; what they agreed to is explained in plain words.
 */
export function ConsentFields({ draft, onChange, message, missing }: ConsentFieldsProps) {
  const t = useT();
  const set = (change: Partial<ConsentDraft>) => onChange({ ...draft, ...change });
  return (
    <FieldGroup legend={t('registries:consent.title')} hint={t('registries:consent.how')} className="consent" testId="field-consent">
      <FieldGroup
        legend={t('registries:consent.question')}
        error={message('given') ?? missing}
        role="radiogroup"
        testId="field-consent-given"
      >
        <label className="choice">
          <input type="radio" name="consent-given" checked={draft.given === 'yes'} onChange={() => set({ given: 'yes' })} />
          <span>{t('registries:consent.yes')}</span>
        </label>
        <label className="choice">
          <input type="radio" name="consent-given" checked={draft.given === 'no'} onChange={() => set({ given: 'no' })} />
          <span>{t('registries:consent.no')}</span>
        </label>
      </FieldGroup>
      <div className="form-grid">
        <Field label={t('registries:field.figures.consent.date')} error={message('date')}>
          {(control) => <input {...control} type="date" value={draft.date} onChange={(event) => set({ date: event.target.value })} />}
        </Field>
        <Field label={t('registries:field.figures.consent.recordedBy')} error={message('recordedBy')}>
          {(control) => <input {...control} value={draft.recordedBy} onChange={(event) => set({ recordedBy: event.target.value })} />}
        </Field>
      </div>
      <FieldGroup
        legend={t('registries:field.figures.consent.method')}
        hint={t('registries:consent.methodHint')}
        error={message('method')}
        role="radiogroup"
      >
        {consentMethods.map((method) => (
          <label key={method} className="choice">
            <input type="radio" name="consent-method" checked={draft.method === method} onChange={() => set({ method })} />
            <span>{t(`registries:consentMethod.${method}`)}</span>
          </label>
        ))}
      </FieldGroup>
      <Field label={t('registries:field.figures.consent.note')} error={message('note')}>
        {(control) => <input {...control} value={draft.note} onChange={(event) => set({ note: event.target.value })} />}
      </Field>
    </FieldGroup>
  );
}
