import type { LogbookKind } from '../../../electron/core/contract';
import type { DraftData, RecordData } from '../../../electron/core/contract/logbooks';
import type { FormValues } from './form-memory';

type AudienceKey = Extract<keyof RecordData<'figureOutreach'>['audience'], string>;

/** A field of some logbook's data, as the forms name it (`audience.total` for a nested one). */
export type FieldPath = { [K in LogbookKind]: keyof RecordData<K> & string }[LogbookKind] | `audience.${AudienceKey}`;

/** The form's values with one field changed, the rest untouched (nested objects copied on the way). */
export function withValueAt(values: FormValues, path: string, value: unknown): FormValues {
  const [head = '', ...rest] = path.split('.');
  if (rest.length === 0) return { ...values, [head]: value };
  const inner = values[head];
  return {
    ...values,
    [head]: withValueAt(inner !== null && typeof inner === 'object' ? (inner as FormValues) : {}, rest.join('.'), value),
  };
}

/**
 * The values as the record's data: blank lines of a list, rows left empty, a written-in
 * material never written and groups with nothing in them are no answer at all, so a draft
 * can leave them out. An empty list of the record's own is an answer ("none"); one inside
 * a group is not. Text is sent as typed; the core trims it and drops what is blank.
 */
export function formData(values: FormValues): DraftData {
  const entries = Object.entries(values).flatMap(([key, value]) => {
    const cleaned = Array.isArray(value) ? value.map(clean).filter((each) => each !== undefined) : clean(value);
    return cleaned === undefined ? [] : [[key, cleaned] as const];
  });
  // As the kind's data: the core checks each field against the kind's schema and answers at
  // each one at fault (a count typed as words, say).
  return Object.fromEntries(entries) as DraftData;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(clean).filter((each) => each !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([key, each]) => {
      const cleaned = clean(each);
      return cleaned === undefined ? [] : [[key, cleaned] as const];
    });
    const unwrittenMaterial = entries.length === 1 && entries[0]?.[0] === 'source' && entries[0][1] === 'free';
    return entries.length === 0 || unwrittenMaterial ? undefined : Object.fromEntries(entries);
  }
  return value;
}
