import { Failure } from '../failure';
import type { EntryProblem, LogbookKind, RecordData } from '../contract/logbooks';
import { validRecordData } from './record-validation';

/** More entries than this is not one commune's backlog but a mistake. */
export const maxImportEntries = 50_000;
/** Problems listed at most; the count of wrong entries is always whole. */
const maxProblems = 200;

/**
 * Reads an import file: UTF-8 JSON (with or without a BOM) holding one record's data, as
 * the form sends it, or an array of them. A file that cannot be read is one problem.
 */
export function parseImportFile(bytes: Uint8Array): { entries: unknown[] } | { problem: EntryProblem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: { messageKey: 'logbooks:import.notUtf8' } };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: notJson(text, error) };
  }
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  if (entries.length === 0) return { problem: { messageKey: 'logbooks:import.empty' } };
  if (entries.length > maxImportEntries) return { problem: { messageKey: 'logbooks:import.tooMany', params: { max: maxImportEntries } } };
  return { entries };
}

/**
 * Checks every entry exactly as a save of that record would (the same rules, the same
 * field names), so that all that is wrong can be put right in one go.
 */
export function checkEntries(
  kind: LogbookKind,
  entries: readonly unknown[],
  mode: 'draft' | 'final',
): { data: RecordData[]; problems: EntryProblem[]; invalidEntries: number } {
  const data: RecordData[] = [];
  const problems: EntryProblem[] = [];
  let invalidEntries = 0;
  entries.forEach((entry, index) => {
    const checked = checkEntry(kind, entry, mode, index);
    if ('data' in checked) {
      data.push(checked.data);
      return;
    }
    invalidEntries += 1;
    problems.push(...checked.problems.slice(0, maxProblems - problems.length));
  });
  return invalidEntries === 0 ? { data, problems, invalidEntries } : { data: [], problems, invalidEntries };
}

function checkEntry(
  kind: LogbookKind,
  entry: unknown,
  mode: 'draft' | 'final',
  index: number,
): { data: RecordData } | { problems: EntryProblem[] } {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
    return { problems: [{ index, messageKey: 'logbooks:import.notAnObject' }] };
  try {
    return { data: validRecordData(kind, entry as Record<string, unknown>, mode) };
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    const { field, messageKey, params, fields } = error.toApiError();
    const problems = new Map<string | undefined, EntryProblem>();
    for (const each of fields ?? [{ field, messageKey, params }]) {
      // The form's fields sit under `data.`; in the file, each entry is that data itself.
      const at = each.field?.replace(/^data\.?/, '') || undefined;
      // One message per field, as the form shows it: the first rule it breaks.
      if (!problems.has(at))
        problems.set(at, {
          index,
          ...(at ? { field: at } : {}),
          messageKey: each.messageKey,
          ...(each.params ? { params: each.params } : {}),
        });
    }
    return { problems: [...problems.values()] };
  }
}

/** Where the JSON breaks, as a line and column a person can find in an editor. */
function notJson(text: string, error: unknown): EntryProblem {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return { messageKey: 'logbooks:import.notJsonEnd' };
  const before = text.slice(0, Number(position)).split('\n');
  return { messageKey: 'logbooks:import.notJson', params: { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 } };
}
