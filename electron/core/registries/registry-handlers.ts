import { readFile, stat, writeFile } from 'node:fs/promises';
import type { Handlers } from '../api/dispatcher';
import { Failure } from '../failure';
import type { EventBus } from '../api/event-bus';
import type { Translate } from '../i18n/translator';
import type { LogbookService } from '../logbooks/logbook-service';
import type { Transfers } from '../transfers/transfers';
import { erasePerson, personData } from './person-data';
import { parseRegistryCsv, registryToCsv } from './registry-csv';
import type { RegistryStore } from './registry-store';
import { validRegistryData } from './registry-validation';

type RegistryHandlers = Pick<
  Handlers,
  'registry.list' | 'registry.save' | 'registry.import' | 'registry.export' | 'registry.exportPerson' | 'registry.erasePerson'
>;

/** A registry CSV larger than this is not a commune's list. */
const maxCsvBytes = 20 * 1024 * 1024;

export function registryHandlers(
  registries: RegistryStore,
  logbooks: LogbookService,
  transfers: Transfers,
  events: EventBus,
  translate: () => Translate,
): RegistryHandlers {
  const offer = async (fileName: string, contents: string) => {
    const out = await transfers.outgoingPath(fileName);
    await writeFile(out, contents);
    const { id: downloadId, size } = await transfers.registerDownload(out, fileName);
    return { downloadId, fileName, size };
  };
  return {
    'registry.list': ({ registry, text }) => ({ entries: registries.list(registry, text) }),
    'registry.save': async ({ registry, id, data }) => {
      const [saved] = await registries.saveAll(registry, [{ id, data: validRegistryData(registry, data) }]);
      events.emit('registry.changed', { registry });
      return saved!;
    },
    'registry.import': async ({ registry, uploadId }) => {
      const upload = transfers.takeUpload(uploadId);
      if (!upload) throw new Failure('not_found', 'errors:transfer.unknownUpload', { field: 'uploadId' });
      if ((await stat(upload.path)).size > maxCsvBytes)
        return { imported: 0, problems: [{ row: 0, messageKey: 'registries:import.tooLarge', params: { max: maxCsvBytes } }] };
      const bytes = await readFile(upload.path);
      const parsed = parseRegistryCsv(
        registry,
        bytes,
        { villages: registries.list('villages'), existing: registries.list(registry) },
        translate(),
      );
      if (parsed.problems.length > 0) return { imported: 0, problems: parsed.problems.slice(0, 200) };
      await registries.saveAll(registry, parsed.rows);
      events.emit('registry.changed', { registry });
      return { imported: parsed.rows.length, problems: [] };
    },
    'registry.export': async ({ registry }) => {
      const t = translate();
      return offer(`chieng-${registry}.csv`, registryToCsv(registry, registries.list(registry), registries.list('villages'), t));
    },
    'registry.exportPerson': async ({ id }) => {
      const { fileName, json } = await personData(registries, logbooks, id, new Date());
      return offer(fileName, json);
    },
    'registry.erasePerson': async ({ id, confirmName }) => {
      const recordsChanged = await erasePerson(registries, logbooks, id, confirmName, new Date());
      events.emit('registry.changed', { registry: 'figures' });
      if (recordsChanged > 0) events.emit('logbook.changed', { kind: 'figureOutreach', id: '' });
      return { erased: true, recordsChanged };
    },
  };
}
