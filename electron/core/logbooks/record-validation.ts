import { invalidInput } from '../failure';
import { validationError } from '../api/validation-error';
import { recordDataIssues, recordDataSchemas, type RecordData } from '../contract/record-data';
import type { LogbookKind } from '../../../shared/logbook-choices';
import { withoutEmpty } from '../../../shared/without-empty';

/**
 * Checks a record's data as it is to be kept (an import's entry, a save the contract has
 * already checked): empty answers dropped, text in one Unicode form, a final record held to
 * every rule of a final record. Every fault is reported at its field (`data.endedAt`), so the
 * form can show each in place.
 */
export function validRecordData(kind: LogbookKind, data: Record<string, unknown>, mode: 'draft' | 'final'): RecordData {
  const cleaned = withoutEmpty(data);
  const issues = recordDataIssues(kind, cleaned, mode === 'final');
  if (issues.length > 0) throw invalidInput(validationError(issues.map((issue) => ({ ...issue, path: ['data', ...issue.path] }))));
  return (mode === 'final' ? recordDataSchemas[kind] : recordDataSchemas[kind].partial()).parse(cleaned) as RecordData;
}
