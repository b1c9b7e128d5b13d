import { Clock } from 'lucide-react';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { Field, FieldGroup } from '../forms/Field';
import type { FieldPath } from './form-values';
import { localDateTime } from './local-time';
import { useFormField } from './record-form-context';

// The record form's controls, each bound to one field of the data by its path, its error
// said at the field. The forms of each logbook are made of these.

interface Labelled {
  readonly path: FieldPath;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly className?: string;
}

export function TextInput({
  path,
  label,
  hint,
  className,
  long = false,
  maxLength = long ? 5000 : 200,
  listId,
}: Labelled & { long?: boolean; maxLength?: number; listId?: string }) {
  const field = useFormField<string>(path);
  return (
    <Field label={label} hint={hint} error={field.error} className={className ?? (long ? 'wide' : undefined)} testId={`field-${path}`}>
      {(control) =>
        long ? (
          <textarea
            {...control}
            rows={3}
            maxLength={maxLength}
            value={field.value ?? ''}
            onChange={(event) => field.set(event.target.value)}
          />
        ) : (
          <input
            {...control}
            maxLength={maxLength}
            list={listId}
            value={field.value ?? ''}
            onChange={(event) => field.set(event.target.value)}
          />
        )
      }
    </Field>
  );
}

/** What a count field holds once typed: digits only, so nothing typed can be misread as a number. */
export function countFromText(text: string): number | undefined {
  const digits = text.replace(/\D/g, '');
  return digits === '' ? undefined : Number(digits);
}

/** A count of people or copies; `error` when the group it belongs to is what was refused. */
export function CountInput({ path, label, hint, className, error }: Labelled & { error?: string | undefined }) {
  const field = useFormField<number>(path);
  return (
    <Field label={label} hint={hint} error={error ?? field.error} className={className ?? 'narrow'} testId={`field-${path}`}>
      {(control) => (
        <input
          {...control}
          inputMode="numeric"
          autoComplete="off"
          maxLength={7}
          value={field.value === undefined ? '' : String(field.value)}
          onChange={(event) => field.set(countFromText(event.target.value))}
        />
      )}
    </Field>
  );
}

/** A local date and time, with a button that puts in the time now. */
export function DateTimeInput({ path, label, hint }: Labelled) {
  const t = useT();
  const field = useFormField<string>(path);
  return (
    <Field label={label} hint={hint} error={field.error} className="datetime" testId={`field-${path}`}>
      {(control) => (
        <span className="with-button">
          <input {...control} type="datetime-local" value={field.value ?? ''} onChange={(event) => field.set(event.target.value)} />
          <button
            type="button"
            onClick={() => field.set(localDateTime(new Date()))}
            aria-label={t('logbooks:form.nowFor', { field: label })}
            title={t('logbooks:form.nowFor', { field: label })}
          >
            <Clock aria-hidden="true" /> {t('logbooks:form.now')}
          </button>
        </span>
      )}
    </Field>
  );
}

export interface Option<V extends string> {
  readonly value: V;
  readonly label: string;
}

export function SelectInput<V extends string>({
  path,
  label,
  hint,
  options,
  empty,
  className,
  after,
  onChosen,
}: Labelled & { options: readonly Option<V>[]; empty: string; after?: ReactNode; onChosen?: (value: V | undefined) => void }) {
  const field = useFormField<V>(path);
  return (
    <Field label={label} hint={hint} error={field.error} className={className} testId={`field-${path}`}>
      {(control) => (
        <>
          <select
            {...control}
            value={field.value ?? ''}
            onChange={(event) => {
              const value = event.target.value === '' ? undefined : (event.target.value as V);
              field.set(value);
              onChosen?.(value);
            }}
          >
            <option value="">{empty}</option>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          {after}
        </>
      )}
    </Field>
  );
}

/** One choice among a few, all in view (arrow keys move between them). */
export function RadioChoices<V extends string>({ path, label, hint, options, className }: Labelled & { options: readonly Option<V>[] }) {
  const field = useFormField<V>(path);
  return (
    <FieldGroup legend={label} hint={hint} error={field.error} role="radiogroup" className={className} testId={`field-${path}`}>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="radio"
            name={path}
            value={option.value}
            checked={field.value === option.value}
            onChange={() => field.set(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </FieldGroup>
  );
}

/** Several choices; `children` may add what a choice asks for (the "other" text). */
export function CheckboxChoices<V extends string>({
  path,
  label,
  hint,
  options,
  className,
  children,
}: Labelled & { options: readonly Option<V>[]; children?: ReactNode }) {
  const field = useFormField<V[]>(path);
  const chosen = field.value ?? [];
  // Kept in the order shown, whatever order they were ticked in.
  const toggle = (value: V, on: boolean) =>
    field.set(
      on
        ? options.map((option) => option.value).filter((each) => each === value || chosen.includes(each))
        : chosen.filter((each) => each !== value),
    );
  return (
    <FieldGroup legend={label} hint={hint} error={field.error} className={className} testId={`field-${path}`}>
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input
            type="checkbox"
            value={option.value}
            checked={chosen.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />
          <span>{option.label}</span>
        </label>
      ))}
      {children}
    </FieldGroup>
  );
}

/** A list written one item a line (topics, questions, follow-ups); blank lines are dropped on saving. */
export function LinesInput({ path, label, hint, className }: Labelled) {
  const t = useT();
  const field = useFormField<string[]>(path);
  return (
    <Field
      label={label}
      hint={hint ?? t('logbooks:form.linesHint')}
      error={field.error}
      className={className ?? 'wide'}
      testId={`field-${path}`}
    >
      {(control) => (
        <textarea
          {...control}
          rows={3}
          value={(field.value ?? []).join('\n')}
          onChange={(event) => field.set(event.target.value.split('\n'))}
        />
      )}
    </Field>
  );
}
