import { useId, type ReactNode } from 'react';

/** What a control needs to be tied to its label, its hint and its error. */
export interface ControlProps {
  readonly id: string;
  readonly 'aria-describedby': string | undefined;
  readonly 'aria-invalid': true | undefined;
}

interface FieldProps {
  readonly label: string;
  readonly hint?: string | undefined;
  /** The message saying what is wrong, shown under the control and read with it. */
  readonly error?: string | undefined;
  readonly className?: string;
  readonly testId?: string;
  readonly children: (control: ControlProps) => ReactNode;
}

/** One labelled control, with its hint and its error at the field, both read by screen readers. */
export function Field({ label, hint, error, className, testId, children }: FieldProps) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`} data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface GroupProps {
  readonly legend: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly className?: string;
  readonly testId?: string;
  /** `radiogroup` for one choice among several; a plain group for checkboxes. */
  readonly role?: 'radiogroup' | 'group';
  readonly children: ReactNode;
}

/** Radio buttons or checkboxes under one legend, the error said at the group. */
export function FieldGroup({ legend, hint, error, className, testId, role = 'group', children }: GroupProps) {
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset
      className={`field field-group${className ? ` ${className}` : ''}`}
      role={role}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      data-testid={testId}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <div className="field-options">{children}</div>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
