// The chain of trust, checked link by link: root → publisher certificate → manifest.
import { createHash } from 'node:crypto';
import { keyIdOf, verifyBytes } from '../crypto/ed25519';
import {
  manifestSchema,
  packFormatVersion,
  publisherCertificateSchema,
  revocationListSchema,
  signatureSchema,
  type DetachedSignature,
  type Manifest,
  type PublisherCertificate,
  type RevocationList,
} from '../format/schemas';
import { PackRefusal } from '../pack-refusal';
import type { TrustedRoot } from './root-keys';
import type { TrustStateData } from './trust-state';

export interface SignedDocument {
  readonly bytes: Uint8Array;
  readonly signature: Uint8Array;
}

export interface VerifiedPublisher {
  readonly certificate: PublisherCertificate;
  readonly root: TrustedRoot;
}

export interface VerifiedPack {
  readonly manifest: Manifest;
  readonly manifestSha256: string;
  readonly publisher: VerifiedPublisher;
}

export function parseSignature(bytes: Uint8Array, pack: string, document: string): DetachedSignature {
  const parsed = signatureSchema.safeParse(parseJson(bytes, pack, document));
  if (!parsed.success) throw new PackRefusal('malformedDocument', { pack, document, detail: 'signature' });
  return parsed.data;
}

/** A root-signed revocation list, or a refusal; the caller keeps it only if newer. */
export function verifyRevocations(document: SignedDocument, roots: readonly TrustedRoot[], pack: string): RevocationList {
  const signature = parseSignature(document.signature, pack, 'revocations.sig');
  const root = roots.find((each) => each.keyId === signature.keyId);
  if (!root) throw new PackRefusal('unknownRoot', { pack, keyId: signature.keyId });
  if (!verifyBytes(document.bytes, signature, root.publicKey))
    throw new PackRefusal('badSignature', { pack, document: 'revocations.json' });
  const list = parseTyped(document.bytes, pack, 'revocations.json', revocationListSchema);
  if (list.rootKeyId !== root.keyId) throw new PackRefusal('keyMismatch', { pack, document: 'revocations.json' });
  return list;
}

export function verifyPublisher(
  document: SignedDocument,
  roots: readonly TrustedRoot[],
  state: TrustStateData,
  now: Date,
  pack: string,
): VerifiedPublisher {
  const signature = parseSignature(document.signature, pack, 'publisher.sig');
  const root = roots.find((each) => each.keyId === signature.keyId);
  if (!root) throw new PackRefusal('unknownRoot', { pack, keyId: signature.keyId });
  if (!verifyBytes(document.bytes, signature, root.publicKey)) throw new PackRefusal('badSignature', { pack, document: 'publisher.json' });
  const certificate = parseTyped(document.bytes, pack, 'publisher.json', publisherCertificateSchema);
  if (certificate.rootKeyId !== root.keyId || keyIdOf(certificate.publicKey) !== certificate.keyId) {
    throw new PackRefusal('keyMismatch', { pack, document: 'publisher.json' });
  }
  const revoked = state.revocations[root.keyId]?.revoked.find((entry) => entry.keyId === certificate.keyId);
  if (revoked) throw new PackRefusal('revokedKey', { pack, keyId: certificate.keyId, revokedAt: revoked.revokedAt });
  // Only the end of a certificate's life is judged: a laptop whose clock has fallen years
  // behind (a flat clock battery) must still install a certificate issued today.
  if (now.getTime() > Date.parse(certificate.expiresAt))
    throw new PackRefusal('expiredKey', { pack, keyId: certificate.keyId, expiresAt: certificate.expiresAt });
  const outside = certificate.prefixes.find((prefix) => !root.prefixes.some((allowed) => prefix.startsWith(allowed)));
  if (outside) throw new PackRefusal('rootPrefixNotAllowed', { pack, prefix: outside });
  return { certificate, root };
}

export function verifyManifest(document: SignedDocument, publisher: VerifiedPublisher, pack: string): VerifiedPack {
  const signature = parseSignature(document.signature, pack, 'manifest.sig');
  if (signature.keyId !== publisher.certificate.keyId || !verifyBytes(document.bytes, signature, publisher.certificate.publicKey)) {
    throw new PackRefusal('badSignature', { pack, document: 'manifest.json' });
  }
  const manifest = parseTyped(document.bytes, pack, 'manifest.json', manifestSchema);
  const name = manifest.title.vi ?? manifest.id;
  if (manifest.publisherKeyId !== publisher.certificate.keyId)
    throw new PackRefusal('keyMismatch', { pack: name, document: 'manifest.json' });
  if (!publisher.certificate.prefixes.some((prefix) => manifest.id.startsWith(prefix))) {
    throw new PackRefusal('prefixNotAllowed', { pack: name, id: manifest.id });
  }
  return { manifest, manifestSha256: createHash('sha256').update(document.bytes).digest('hex'), publisher };
}

function parseJson(bytes: Uint8Array, pack: string, document: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new PackRefusal('malformedDocument', { pack, document, detail: 'JSON' });
  }
}

/** Parses a signed document, telling an unknown format version apart from a malformed one. */
function parseTyped<T>(
  bytes: Uint8Array,
  pack: string,
  document: string,
  schema: {
    safeParse(
      data: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
): T {
  const data = parseJson(bytes, pack, document);
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== packFormatVersion) throw new PackRefusal('unknownFormat', { pack, document, format: String(format) });
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackRefusal('malformedDocument', { pack, document, detail: issue ? `${issue.path.join('.')}: ${issue.message}` : '' });
  }
  return parsed.data;
}
