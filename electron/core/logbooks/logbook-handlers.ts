import type { Handlers } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import type { Translate } from '../i18n/translator';
import type { RegistryStore } from '../registries/registry-store';
import { entryName } from '../../../shared/registry-entry';
import type { Transfers } from '../transfers/transfers';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { Failure } from '../failure';
import { logbookToCsv, logbookToJson } from './logbook-export';
import { parseImportFile } from './logbook-import';
import type { LogbookService } from './logbook-service';

type LogbookHandlers = Pick<
  Handlers,
  'logbook.list' | 'logbook.get' | 'logbook.save' | 'logbook.withdraw' | 'logbook.export' | 'logbook.import'
>;

/** An import file larger than this is not one commune's backlog. */
const maxImportBytes = 64 * 1024 * 1024;

export function logbookHandlers(
  logbooks: LogbookService,
  registries: RegistryStore,
  transfers: Transfers,
  events: EventBus,
  translate: () => Translate,
): LogbookHandlers {
  return {
    'logbook.list': (filters) => logbooks.list(filters),
    'logbook.get': ({ kind, id, month }) => logbooks.get(kind, id, month),
    'logbook.save': async (request, author) => {
      const saved = await logbooks.save(request, author);
      events.emit('logbook.changed', { kind: saved.kind, id: saved.id });
      return saved;
    },
    'logbook.withdraw': async ({ kind, id, month, reason }, author) => {
      const saved = await logbooks.withdraw(kind, id, month, reason, author);
      events.emit('logbook.changed', { kind: saved.kind, id: saved.id });
      return saved;
    },
    'logbook.export': async ({ format, ...filters }) => {
      const { records, months } = await logbooks.list(filters);
      const t = translate();
      const nameOf = (registry: 'villages' | 'figures' | 'places', id: string) => {
        const entry = registries.get(registry, id);
        return entry ? entryName(entry) : undefined;
      };
      const span = months.length === 0 ? 'none' : months.length === 1 ? months[0] : `${months[0]}_${months[months.length - 1]}`;
      const fileName = `chieng-${filters.kind}-${span}.${format}`;
      const out = await transfers.outgoingPath(fileName);
      await writeFile(
        out,
        format === 'csv' ? logbookToCsv(filters.kind, records, nameOf, t) : logbookToJson(filters.kind, records, new Date()),
      );
      const { id: downloadId, size } = await transfers.registerDownload(out, fileName);
      return { downloadId, fileName, size, count: records.length };
    },
    'logbook.import': async ({ kind, uploadId, finalise }, author) => {
      const upload = transfers.takeUpload(uploadId);
      if (!upload) throw new Failure('not_found', 'errors:transfer.unknownUpload', { field: 'uploadId' });
      const tooLarge = (await stat(upload.path)).size > maxImportBytes;
      const parsed = tooLarge
        ? { problem: { messageKey: 'logbooks:import.tooLarge', params: { max: maxImportBytes } } }
        : parseImportFile(await readFile(upload.path));
      if ('problem' in parsed) return { imported: 0, ids: [], invalidEntries: 0, problems: [parsed.problem] };
      const { records, problems, invalidEntries } = await logbooks.addAll(kind, parsed.entries, finalise, author);
      if (records.length > 0) events.emit('logbook.changed', { kind, id: '' });
      return { imported: records.length, ids: records.map((record) => record.id), invalidEntries, problems };
    },
  };
}
