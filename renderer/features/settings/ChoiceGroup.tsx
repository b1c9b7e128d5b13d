import { useId, useState } from 'react';
import { useMessage } from '../../i18n/use-message';
import { useT } from '../../i18n/use-t';
import type { ApiError } from '../../../electron/core/contract';

interface ChoiceGroupProps<V extends string | number> {
  readonly legend: string;
  readonly hint: string;
  readonly name: string;
  readonly value: V;
  readonly options: readonly { readonly value: V; readonly label: string; readonly lang?: string }[];
  readonly onChange: (value: V) => Promise<ApiError | null>;
}

/** A set of radio buttons that saves at once and says so, in place, when saving fails. */
export function ChoiceGroup<V extends string | number>({ legend, hint, name, value, options, onChange }: ChoiceGroupProps<V>) {
  const t = useT();
  const describe = useMessage();
  const hintId = useId();
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <fieldset className="card choice-group" aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p id={hintId} className="hint">
        {hint}
      </p>
      <div className="choices">
        {options.map((option) => (
          <label key={option.value} className="choice" lang={option.lang}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => void onChange(option.value).then(setError)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {t('settings:saveFailed', { reason: describe(error) })}
        </p>
      )}
    </fieldset>
  );
}
