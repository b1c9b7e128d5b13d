import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { registryDataSchemas, type ImportProblem, type RegistryData, type RegistryEntry } from '../contract/registries';
import type { RegistryName } from '../../../shared/registry-choices';
import { validationError } from '../api/validation-error';
import { createTranslator, type Translate } from '../i18n/translator';
import { fold } from '../../../shared/search-folding';
import { uiLanguages } from '../../../locales';
import { listSeparator, registryColumns, type Column } from './registry-columns';
import { registryIssues } from './registry-validation';
import { entryName, nameField } from '../../../shared/registry-entry';

export const maxImportRows = 10_000;

/** What the CSV's cells refer to: villages by name, entries by id. */
export interface CsvContext {
  readonly villages: readonly RegistryEntry[];
  readonly existing: readonly RegistryEntry[];
}

export interface ParsedImport {
  readonly rows: { id?: string; data: RegistryData }[];
  readonly problems: ImportProblem[];
}

const translators = uiLanguages.map((language) => createTranslator(language).t);
const headingKey = (registry: RegistryName, column: Column) => `registries:field.${registry}.${column.path.join('.')}`;

/** A registry as CSV for Excel: UTF-8 with a BOM (or Excel garbles Vietnamese), CRLF lines. */
export function registryToCsv(
  registry: RegistryName,
  entries: readonly RegistryEntry[],
  villages: readonly RegistryEntry[],
  t: Translate,
): string {
  const columns = registryColumns[registry];
  const villageName = new Map(villages.map((village) => [village.id, entryName(village)]));
  const header = [t('registries:field.id'), ...columns.map((column) => t(headingKey(registry, column)))];
  const rows = entries.map((entry) => [
    entry.id,
    ...columns.map((column) => cellOf(column, valueAt(entry.data, column.path), villageName, t)),
  ]);
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });
}

/**
 * Reads a registry CSV. Headings may be in Vietnamese or English; choices may be written as
 * either language's label; a row with an id updates that entry, one without adds an entry.
 * Every problem is reported with its row (the heading is row 1) and column.
 */
export function parseRegistryCsv(registry: RegistryName, bytes: Uint8Array, context: CsvContext, t: Translate): ParsedImport {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('registries:import.notUtf8');
  }
  let table: string[][];
  try {
    table = parse(text, { bom: true, delimiter: delimiterOf(text), skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    return refuse('registries:import.notCsv', { reason: (error as Error).message.split('\n')[0] ?? '' });
  }
  const [header, ...body] = table;
  if (!header || body.length === 0) return refuse('registries:import.empty');
  if (body.length > maxImportRows) return refuse('registries:import.tooManyRows', { max: maxImportRows });

  const columns = registryColumns[registry];
  const problems: ImportProblem[] = [];
  const idHeadings = new Set(translators.map((each) => fold(each('registries:field.id'))).concat('id'));
  const mapped = header.map((heading) => {
    const folded = fold(heading);
    if (idHeadings.has(folded)) return 'id' as const;
    const column = columns.find(
      (each) => translators.some((tr) => fold(tr(headingKey(registry, each))) === folded) || fold(each.path.join('.')) === folded,
    );
    if (!column) problems.push({ row: 1, column: heading, messageKey: 'registries:import.unknownColumn', params: { column: heading } });
    return column;
  });
  const required = columns.filter((column) => column.path.length === 1 && !isOptional(registry, column));
  for (const column of required) {
    if (!mapped.includes(column))
      problems.push({
        row: 1,
        column: t(headingKey(registry, column)),
        messageKey: 'registries:import.missingColumn',
        params: { column: t(headingKey(registry, column)) },
      });
  }
  if (problems.length > 0) return { rows: [], problems };

  const alwaysLists = listsTheFormAlwaysSends(registry);
  const villages = new Map(context.villages.map((village) => [fold(entryName(village)), village.id]));
  const existingIds = new Set(context.existing.map((entry) => entry.id));
  const namesSeen = new Map(context.existing.map((entry) => [fold(entryName(entry)), entry.id]));
  const rows: { id?: string; data: RegistryData }[] = [];
  body.forEach((cells, index) => {
    const row = index + 2;
    const data: Record<string, unknown> = {};
    let id: string | undefined;
    mapped.forEach((column, at) => {
      const cell = (cells[at] ?? '').normalize('NFC');
      if (cell === '' || column === undefined) return;
      if (column === 'id') {
        if (!existingIds.has(cell))
          problems.push({ row, column: header[at] ?? '', messageKey: 'registries:import.unknownId', params: { value: cell } });
        id = cell;
        return;
      }
      const converted = valueOf(column, cell, villages);
      if ('problem' in converted) problems.push({ row, column: header[at] ?? '', messageKey: converted.problem, params: { value: cell } });
      else setAt(data, column.path, converted.value);
    });
    for (const column of alwaysLists) if (valueAt(data, column.path) === undefined) setAt(data, column.path, []);
    const { value, issues } = registryIssues(registry, data);
    for (const issue of issues) problems.push({ row, column: headingFor(registry, issue, header, mapped, t), ...issueMessage(issue) });
    if (!value) return;
    if (registry !== 'figures') {
      const name = fold(String((value as Record<string, unknown>)[nameField[registry]]));
      const owner = namesSeen.get(name);
      if (owner !== undefined && owner !== id) {
        problems.push({
          row,
          column: t(`registries:field.${registry}.${nameField[registry]}`),
          messageKey: 'registries:duplicateName',
          params: { name: String((value as Record<string, unknown>)[nameField[registry]]) },
        });
      }
      namesSeen.set(name, id ?? `row ${row}`);
    }
    rows.push(id === undefined ? { data: value } : { id, data: value });
  });
  return problems.length > 0 ? { rows: [], problems } : { rows, problems };
}

function refuse(messageKey: string, params?: Record<string, string | number>): ParsedImport {
  return { rows: [], problems: [{ row: 0, messageKey, ...(params ? { params } : {}) }] };
}

/**
 * Excel writes `;` between cells where the system's list separator is `;` (Vietnamese
 * Windows), and then leaves a comma inside a heading ("Tên thôn, buôn") unquoted: the
 * separator is the one the heading row uses most outside quotes, `;` when tied with `,`.
 */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/)).replace(/"[^"]*"/g, '');
  const count = (separator: string) => firstLine.split(separator).length - 1;
  const [best] = [';', '\t', ','].sort((a, b) => count(b) - count(a));
  return best !== undefined && count(best) > 0 ? best : ',';
}

function isOptional(registry: RegistryName, column: Column): boolean {
  const required: Record<RegistryName, readonly string[]> = {
    villages: ['name', 'type'],
    figures: ['fullName', 'sex', 'categories'],
    places: ['name', 'religion'],
  };
  return !required[registry].includes(column.path[0] ?? '');
}

/**
 * The lists an entry always has, perhaps empty (a figure's languages, a place's
 * dignitaries): the form sends `[]`, so an empty cell, or a column the file leaves out,
 * means an empty list too, not a missing answer.
 */
function listsTheFormAlwaysSends(registry: RegistryName): Column[] {
  const shape = registryDataSchemas[registry].shape as Record<string, z.ZodType>;
  return registryColumns[registry].filter((column) => {
    const field = column.path.length === 1 ? shape[column.path[0]!] : undefined;
    return field !== undefined && !field.safeParse(undefined).success && field.safeParse([]).success;
  });
}

function valueOf(column: Column, cell: string, villages: Map<string, string>): { value: unknown } | { problem: string } {
  const items = () =>
    cell
      .split(listSeparator)
      .map((each) => each.trim())
      .filter((each) => each !== '');
  switch (column.type) {
    case 'text':
      return { value: cell };
    case 'int': {
      const number = Number(cell.replace(/[.\s]/g, ''));
      return Number.isInteger(number) ? { value: number } : { problem: 'registries:import.notNumber' };
    }
    case 'list':
      return { value: items() };
    case 'languages':
      return { value: items().map((each) => languageCode(each)) };
    case 'yesNo': {
      const folded = fold(cell);
      if (translators.some((t) => fold(t('registries:yes')) === folded) || folded === 'true' || folded === '1') return { value: true };
      if (translators.some((t) => fold(t('registries:no')) === folded) || folded === 'false' || folded === '0') return { value: false };
      return { problem: 'registries:import.notYesNo' };
    }
    case 'village': {
      const id = villages.get(fold(cell));
      return id === undefined ? { problem: 'registries:import.unknownVillage' } : { value: id };
    }
    case 'dignitaries': {
      const people = items().map((each) => /^(?<name>[^()]+?)\s*(?:\((?<title>[^()]*)\))?$/.exec(each)?.groups);
      if (people.some((person) => person === undefined)) return { problem: 'registries:import.badDignitary' };
      return {
        value: people.map((person) => ({ name: person!['name']!.trim(), ...(person!['title'] ? { title: person!['title'].trim() } : {}) })),
      };
    }
    case 'enum':
    case 'enumList': {
      const chosen = (column.type === 'enum' ? [cell] : items()).map((each) => enumValue(column.labels, column.values, each));
      if (chosen.some((each) => each === undefined)) return { problem: 'registries:import.unknownValue' };
      return { value: column.type === 'enum' ? chosen[0] : chosen };
    }
  }
}

function enumValue(labels: string, values: readonly string[], cell: string): string | undefined {
  const folded = fold(cell);
  return values.find((value) => fold(value) === folded || translators.some((t) => fold(t(`registries:${labels}.${value}`)) === folded));
}

const languageNames = ['vi', 'en', 'rad', 'jra', 'cmo', 'mng'];
function languageCode(cell: string): string {
  const folded = fold(cell);
  return languageNames.find((code) => code === folded || translators.some((t) => fold(t(`packs:language.${code}`)) === folded)) ?? cell;
}

function cellOf(column: Column, value: unknown, villageName: Map<string, string>, t: Translate): string {
  if (value === undefined || value === null) return '';
  switch (column.type) {
    case 'yesNo':
      return t(value ? 'registries:yes' : 'registries:no');
    case 'village':
      return villageName.get(value as string) ?? '';
    case 'enum':
      return t(`registries:${column.labels}.${value as string}`);
    case 'enumList':
      return (value as string[]).map((each) => t(`registries:${column.labels}.${each}`)).join(`${listSeparator} `);
    case 'list':
    case 'languages':
      return (value as string[]).join(`${listSeparator} `);
    case 'dignitaries':
      return (value as { name: string; title?: string }[])
        .map((person) => (person.title ? `${person.name} (${person.title})` : person.name))
        .join(`${listSeparator} `);
    default:
      return `${value as string | number}`;
  }
}

function valueAt(data: Record<string, unknown>, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
    data,
  );
}

function setAt(data: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const parent = path.slice(0, -1).reduce<Record<string, unknown>>((object, key) => (object[key] ??= {}) as Record<string, unknown>, data);
  parent[path[path.length - 1]!] = value;
}

function headingFor(
  registry: RegistryName,
  issue: z.core.$ZodIssue,
  header: readonly string[],
  mapped: readonly (Column | 'id' | undefined)[],
  t: Translate,
): string {
  const column = registryColumns[registry].find(
    (each) =>
      each.path.every((key, at) => issue.path[at] === key) ||
      (each.path.length === 2 && issue.path.length === 1 && each.path[0] === issue.path[0]),
  );
  if (!column) return issue.path.join('.');
  const at = mapped.indexOf(column);
  return at >= 0 ? (header[at] ?? '') : t(headingKey(registry, column));
}

/** The same words as the form's, through the same mapping. */
function issueMessage(issue: z.core.$ZodIssue): { messageKey: string; params?: Record<string, string | number> } {
  const { messageKey, params } = validationError([issue]);
  return params ? { messageKey, params } : { messageKey };
}
