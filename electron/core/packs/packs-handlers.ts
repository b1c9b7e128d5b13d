import type { Handlers } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import { Failure } from '../failure';
import { discardUpload, type Transfers } from '../transfers/transfers';
import { PackNotInstalled, type PackService } from './pack-service';

type PackHandlers = Pick<Handlers, 'packs.list' | 'packs.import' | 'packs.remove' | 'packs.export'>;

export function packsHandlers(packs: PackService, transfers: Transfers, events: EventBus, dataDir: string): PackHandlers {
  return {
    'packs.list': () => packs.list(),
    'packs.import': async ({ uploadId }) => {
      const upload = transfers.takeUpload(uploadId);
      if (!upload) throw new Failure('not_found', 'errors:transfer.unknownUpload', { field: 'uploadId' });
      try {
        const outcome = await packs.importFile(upload.path, upload.label, (progress) =>
          events.emit('packs.importProgress', { uploadId, label: upload.label, ...progress }),
        );
        if (outcome.status !== 'unchanged') events.emit('packs.changed', { id: outcome.id });
        return outcome;
      } finally {
        await discardUpload(dataDir, upload);
      }
    },
    'packs.remove': async ({ id }) => {
      const removed = await packs.remove(id);
      events.emit('packs.changed', { id });
      return removed;
    },
    'packs.export': async ({ id }) => {
      const listed = (await packs.list()).packs.find((pack) => pack.id === id);
      if (!listed) throw new PackNotInstalled(id);
      const fileName = `${id}-v${listed.version}.chieng`;
      const out = await transfers.outgoingPath(fileName);
      await packs.exportTo(id, out);
      const { id: downloadId, size } = await transfers.registerDownload(out, fileName);
      return { downloadId, fileName, size };
    },
  };
}
