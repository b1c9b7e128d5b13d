// A hub's catalog, checked like a pack: its signer's certificate leads to a trusted root,
// the signature covers the exact text, and it speaks only for the pack ids it may.
import { catalogFileSchema, catalogSchema, type Catalog } from '../format/catalog';
import { PackRefusal } from '../pack-refusal';
import type { TrustedRoot } from './root-keys';
import type { TrustStateData } from './trust-state';
import { verifyBytes } from '../crypto/ed25519';
import { verifyPublisher, type VerifiedPublisher } from './verify-chain';

export interface VerifiedCatalog {
  readonly catalog: Catalog;
  readonly hub: VerifiedPublisher;
  /** The exact catalog text, to tell a replay from a new catalog of the same version. */
  readonly document: string;
}

const label = 'catalog.json';

export function verifyCatalog(text: string, roots: readonly TrustedRoot[], state: TrustStateData, now: Date): VerifiedCatalog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new PackRefusal('malformedDocument', { pack: label, document: label, detail: 'JSON' });
  }
  const file = catalogFileSchema.safeParse(data);
  if (!file.success) throw new PackRefusal('malformedDocument', { pack: label, document: label, detail: 'envelope' });
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
  const hub = verifyPublisher(
    { bytes: Buffer.from(file.data.certificate.document, 'utf8'), signature: encode(file.data.certificate.signature) },
    roots,
    state,
    now,
    label,
  );
  const bytes = Buffer.from(file.data.catalog.document, 'utf8');
  if (
    file.data.catalog.signature.keyId !== hub.certificate.keyId ||
    !verifyBytes(bytes, file.data.catalog.signature, hub.certificate.publicKey)
  ) {
    throw new PackRefusal('badSignature', { pack: label, document: label });
  }
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(file.data.catalog.document);
  } catch {
    throw new PackRefusal('malformedDocument', { pack: label, document: label, detail: 'JSON' });
  }
  if ((parsedJson as { format?: unknown } | null)?.format !== 1)
    throw new PackRefusal('unknownFormat', {
      pack: label,
      document: label,
      format: String((parsedJson as { format?: unknown } | null)?.format),
    });
  const parsed = catalogSchema.safeParse(parsedJson);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackRefusal('malformedDocument', {
      pack: label,
      document: label,
      detail: issue ? `${issue.path.join('.')}: ${issue.message}` : '',
    });
  }
  const catalog = parsed.data;
  if (catalog.hubKeyId !== hub.certificate.keyId) throw new PackRefusal('keyMismatch', { pack: label, document: label });
  const outside = [...catalog.packs.map((pack) => pack.id), ...catalog.withdrawn.map((entry) => entry.packId)].find(
    (id) => !hub.certificate.prefixes.some((prefix) => id.startsWith(prefix)),
  );
  if (outside) throw new PackRefusal('prefixNotAllowed', { pack: label, id: outside });
  return { catalog, hub, document: file.data.catalog.document };
}
