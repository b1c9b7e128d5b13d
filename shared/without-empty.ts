/**
 * A form's empty answers are no answers: empty text and absent values are dropped (at any
 * depth) and text is put in composed Unicode form, so "Ê Đê" typed two ways is one value.
 */
export function withoutEmpty<T extends Record<string, unknown>>(data: T): T {
  return clean(data) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).flatMap(([key, each]) => {
      if (each === undefined || each === null || (typeof each === 'string' && each.trim() === '')) return [];
      return [[key, clean(each)] as const];
    });
    return Object.fromEntries(entries);
  }
  return value;
}
