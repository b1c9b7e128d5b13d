import { createContext, useContext } from 'react';
import type { FormValues } from './form-memory';
import type { FieldPath } from './form-values';
import { valueAt } from './record-fields';

export interface RecordFormApi {
  readonly values: FormValues;
  readonly set: (path: FieldPath, value: unknown) => void;
  /** What is wrong with a field (or with something inside it), in words; undefined when nothing is. */
  readonly errorAt: (path: FieldPath) => string | undefined;
}

const RecordFormContext = createContext<RecordFormApi | null>(null);
export const RecordFormProvider = RecordFormContext.Provider;

export function useRecordForm(): RecordFormApi {
  const form = useContext(RecordFormContext);
  if (!form) throw new Error('useRecordForm outside a record form');
  return form;
}

/** One field of the form: its value, how to change it, what is wrong with it. */
export function useFormField<V>(path: FieldPath): { value: V | undefined; set: (value: V | undefined) => void; error: string | undefined } {
  const form = useRecordForm();
  return { value: valueAt(form.values, path) as V | undefined, set: (value) => form.set(path, value), error: form.errorAt(path) };
}
