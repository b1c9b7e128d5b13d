import type { Handlers } from '../api/dispatcher';
import { ApiFailure } from '../api/api-failure';
import type { EventBus } from '../api/event-bus';
import { discardUpload, type Transfers } from '../transfers/transfers';
import { keyIdOf } from './crypto/ed25519';
import { packIdPrefix, publicKeyFileSchema, rootKeySchema, type RootKey } from './format/schemas';
import { PackRefusal } from './pack-refusal';
import { PackNotInstalled, type PackService } from './pack-service';

type PackHandlers = Pick<
  Handlers,
  'packs.list' | 'packs.import' | 'packs.remove' | 'packs.export' | 'trust.list' | 'trust.add' | 'trust.remove'
>;

export function packsHandlers(packs: PackService, transfers: Transfers, events: EventBus, dataDir: string): PackHandlers {
  return {
    'packs.list': () => packs.list(),
    'packs.import': async ({ uploadId }) => {
      const upload = transfers.takeUpload(uploadId);
      if (!upload) throw new ApiFailure('not_found', 'errors:transfer.unknownUpload', { field: 'uploadId' });
      try {
        const outcome = await refusalsAsFailures(() =>
          packs.importFile(upload.path, upload.label, (progress) =>
            events.emit('packs.importProgress', { uploadId, label: upload.label, ...progress }),
          ),
        );
        if (outcome.status !== 'unchanged') events.emit('packs.changed', { id: outcome.id });
        return outcome;
      } finally {
        await discardUpload(dataDir, upload);
      }
    },
    'packs.remove': async ({ id }) => {
      const removed = await refusalsAsFailures(() => packs.remove(id));
      events.emit('packs.changed', { id });
      return removed;
    },
    'packs.export': async ({ id }) => {
      const listed = (await packs.list()).packs.find((pack) => pack.id === id);
      if (!listed) throw new ApiFailure('not_found', 'packs:notInstalled', { field: 'id', params: { id } });
      const fileName = `${id}-v${listed.version}.chieng`;
      const out = await transfers.outgoingPath(fileName);
      await refusalsAsFailures(() => packs.exportTo(id, out));
      const { id: downloadId, size } = await transfers.registerDownload(out, fileName);
      return { downloadId, fileName, size };
    },
    'trust.list': () => ({ roots: packs.roots() }),
    'trust.add': async ({ root, role, prefixes }) => packs.addRoot(parseRoot(root, role, prefixes)),
    'trust.remove': async ({ keyId }) => ({ removed: await packs.removeRoot(keyId) }),
  };
}

/** A root file as is, or a public key file made into a root with the prefixes given. */
function parseRoot(text: string, role: 'official' | 'demo' | undefined, prefixes: readonly string[] | undefined): RootKey {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ApiFailure('invalid_input', 'errors:trust.notAKey', { field: 'root' });
  }
  const asRoot = rootKeySchema.safeParse(data);
  if (asRoot.success) {
    if (keyIdOf(asRoot.data.publicKey) !== asRoot.data.keyId)
      throw new ApiFailure('invalid_input', 'errors:trust.notAKey', { field: 'root' });
    return { ...asRoot.data, ...(role ? { role } : {}) };
  }
  const asKey = publicKeyFileSchema.safeParse(data);
  if (!asKey.success || keyIdOf(asKey.data.publicKey) !== asKey.data.keyId)
    throw new ApiFailure('invalid_input', 'errors:trust.notAKey', { field: 'root' });
  if (!prefixes || prefixes.length === 0) throw new ApiFailure('invalid_input', 'errors:trust.prefixesNeeded', { field: 'prefixes' });
  if (!prefixes.every((prefix) => packIdPrefix.safeParse(prefix).success))
    throw new ApiFailure('invalid_input', 'errors:field.badFormat', { field: 'prefixes' });
  return {
    format: 'chieng-root/1',
    keyId: asKey.data.keyId,
    publicKey: asKey.data.publicKey,
    name: { vi: asKey.data.name },
    role: role ?? 'official',
    prefixes: [...prefixes],
  };
}

async function refusalsAsFailures<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PackNotInstalled)
      throw new ApiFailure('not_found', 'packs:notInstalled', { field: 'id', params: { id: error.id } });
    if (error instanceof PackRefusal) {
      const code = error.reason === 'diskFull' || error.reason === 'storageFailed' ? 'storage_failed' : 'refused';
      throw new ApiFailure(code, error.messageKey, { params: error.params });
    }
    throw error;
  }
}
