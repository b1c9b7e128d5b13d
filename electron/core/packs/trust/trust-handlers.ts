import type { Handlers } from '../../api/dispatcher';
import { Failure } from '../../failure';
import { keyIdOf } from '../crypto/ed25519';
import { packIdPrefix, publicKeyFileSchema, rootKeySchema, type RootKey } from '../format/schemas';
import type { PackService } from '../pack-service';

type TrustHandlers = Pick<Handlers, 'trust.list' | 'trust.add' | 'trust.remove'>;

/** The roots this laptop trusts: the built-in ones, and those district IT added. */
export function trustHandlers(packs: PackService): TrustHandlers {
  return {
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
    throw new Failure('invalid_input', 'errors:trust.notAKey', { field: 'root' });
  }
  const asRoot = rootKeySchema.safeParse(data);
  if (asRoot.success) {
    if (keyIdOf(asRoot.data.publicKey) !== asRoot.data.keyId) throw new Failure('invalid_input', 'errors:trust.notAKey', { field: 'root' });
    return { ...asRoot.data, ...(role ? { role } : {}) };
  }
  const asKey = publicKeyFileSchema.safeParse(data);
  if (!asKey.success || keyIdOf(asKey.data.publicKey) !== asKey.data.keyId)
    throw new Failure('invalid_input', 'errors:trust.notAKey', { field: 'root' });
  if (!prefixes || prefixes.length === 0) throw new Failure('invalid_input', 'errors:trust.prefixesNeeded', { field: 'prefixes' });
  if (!prefixes.every((prefix) => packIdPrefix.safeParse(prefix).success))
    throw new Failure('invalid_input', 'errors:field.badFormat', { field: 'prefixes' });
  return {
    format: 'chieng-root/1',
    keyId: asKey.data.keyId,
    publicKey: asKey.data.publicKey,
    name: { vi: asKey.data.name },
    role: role ?? 'official',
    prefixes: [...prefixes],
  };
}
