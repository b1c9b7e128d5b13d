import { Failure } from '../failure';
import type { LogRecord } from '../contract/logbooks';
import type { RegistryEntry } from '../contract/registries';
import { fold } from '../../../shared/search-folding';
import type { LogbookService } from '../logbooks/logbook-service';
import type { RegistryStore } from './registry-store';
import { entryName } from '../../../shared/registry-entry';

/** What a record says about a person who asked to be erased: that someone was there. */
export const erasedFigureId = 'erased';

/** Everything kept about one community figure: their entry and each record naming them. */
export async function personData(
  registries: RegistryStore,
  logbooks: LogbookService,
  id: string,
  exportedAt: Date,
): Promise<{ fileName: string; json: string }> {
  const person = figure(registries, id);
  const records: LogRecord[] = [];
  for await (const { records: month } of logbooks.all('figureOutreach')) records.push(...month.filter((record) => namesPerson(record, id)));
  const village = typeof person.data['villageId'] === 'string' ? registries.get('villages', person.data['villageId']) : undefined;
  const json = JSON.stringify(
    {
      format: 'chieng.person',
      version: 1,
      exportedAt: exportedAt.toISOString(),
      person,
      village: village ? entryName(village) : null,
      records,
    },
    null,
    1,
  );
  return { fileName: `chieng-nguoi-${id}.json`, json: `${json}\n` };
}

/**
 * Erases a figure on their request: the entry goes, and every record and earlier state of
 * a record that named them keeps only that a figure was there. The name must be typed to
 * confirm, so a slip of the mouse erases nobody.
 */
export async function erasePerson(
  registries: RegistryStore,
  logbooks: LogbookService,
  id: string,
  confirmName: string,
  now: Date,
): Promise<number> {
  const person = figure(registries, id);
  if (fold(confirmName).trim() !== fold(entryName(person)).trim())
    throw new Failure('invalid_input', 'registries:erase.confirmMismatch', { field: 'confirmName' });
  let changed = 0;
  const months: string[] = [];
  for await (const { month } of logbooks.all('figureOutreach')) months.push(month);
  for (const month of months) {
    changed += await logbooks.rewrite('figureOutreach', month, (record) => {
      if (!namesPerson(record, id)) return undefined;
      const scrub = (data: Record<string, unknown>) => (data['figureId'] === id ? { ...data, figureId: erasedFigureId } : data);
      // A new revision number, so a record already uploaded is sent again, erased.
      return {
        ...record,
        revision: record.revision + 1,
        updatedAt: now.toISOString(),
        data: scrub(record.data),
        revisions: record.revisions.map((each) => ({ ...each, data: scrub(each.data) })),
      };
    });
  }
  await registries.remove('figures', id);
  return changed;
}

function figure(registries: RegistryStore, id: string): RegistryEntry {
  const person = registries.get('figures', id);
  if (!person) throw new Failure('not_found', 'registries:notFound', { field: 'id' });
  return person;
}

function namesPerson(record: LogRecord, id: string): boolean {
  return record.data['figureId'] === id || record.revisions.some((each) => each.data['figureId'] === id);
}
