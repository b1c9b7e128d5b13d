import type { z } from 'zod';
import { invalidInput } from '../failure';
import { validationError } from '../api/validation-error';
import { crossFieldIssues, recordDataSchemas, type RecordData } from '../contract/logbooks';
import type { LogbookKind } from '../../../shared/logbook-choices';
import { withoutEmpty } from './without-empty';

/**
 * Checks a record's data as the form sent it. A draft may leave anything out but its date
 * (which decides where it is kept); a final record needs every required field. Every fault
 * is reported at its field (`data.endedAt`), so the form can show each in place.
 */
export function validRecordData(kind: LogbookKind, data: Record<string, unknown>, mode: 'draft' | 'final'): RecordData {
  const schema = recordDataSchemas[kind] as z.ZodObject;
  const shape = mode === 'final' ? schema : schema.partial().required({ occurredAt: true });
  const cleaned = withoutEmpty(data);
  const parsed = shape.safeParse(cleaned, { reportInput: true });
  const issues: z.core.$ZodIssue[] = parsed.success ? [] : [...parsed.error.issues];
  for (const rule of crossFieldIssues(kind, cleaned, mode === 'final')) {
    if (!issues.some((issue) => issue.path.join('.') === rule.path.join('.'))) {
      issues.push({ code: 'custom', path: rule.path, message: rule.key, input: undefined });
    }
  }
  if (issues.length > 0 || !parsed.success)
    throw invalidInput(validationError(issues.map((issue) => ({ ...issue, path: ['data', ...issue.path] }))));
  return parsed.data as RecordData;
}
