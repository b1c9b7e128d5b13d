// Making the signed documents: publisher certificates and revocation lists (by a root).
import { signBytes } from '../crypto/ed25519';
import {
  packFormatVersion,
  type DetachedSignature,
  type PublicKeyFile,
  type PublisherCertificate,
  type RevocationList,
  type SecretKeyFile,
} from '../format/schemas';

export interface SignedText {
  readonly text: string;
  readonly signature: DetachedSignature;
}

export function signText(text: string, key: SecretKeyFile): SignedText {
  return { text, signature: signBytes(Buffer.from(text, 'utf8'), key) };
}

export function certifyPublisher(
  root: SecretKeyFile,
  publisher: PublicKeyFile,
  terms: { prefixes: readonly string[]; name: Record<string, string>; issuedAt: Date; expiresAt: Date },
): SignedText {
  const certificate: PublisherCertificate = {
    type: 'chieng-publisher',
    format: packFormatVersion,
    keyId: publisher.keyId,
    publicKey: publisher.publicKey,
    name: normaliseAll(terms.name),
    prefixes: [...terms.prefixes],
    issuedAt: terms.issuedAt.toISOString(),
    expiresAt: terms.expiresAt.toISOString(),
    rootKeyId: root.keyId,
  };
  return signText(`${JSON.stringify(certificate, null, 2)}\n`, root);
}

export function revokeKeys(
  root: SecretKeyFile,
  previous: RevocationList | undefined,
  keyIds: readonly string[],
  reason: string | undefined,
  now: Date,
): SignedText {
  const already = new Set(previous?.revoked.map((entry) => entry.keyId));
  const list: RevocationList = {
    type: 'chieng-revocations',
    format: packFormatVersion,
    rootKeyId: root.keyId,
    version: (previous?.version ?? 0) + 1,
    issuedAt: now.toISOString(),
    revoked: [
      ...(previous?.revoked ?? []),
      ...keyIds
        .filter((keyId) => !already.has(keyId))
        .map((keyId) => ({ keyId, revokedAt: now.toISOString(), ...(reason ? { reason: reason.normalize('NFC') } : {}) })),
    ],
  };
  return signText(`${JSON.stringify(list, null, 2)}\n`, root);
}

function normaliseAll(texts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).map(([language, text]) => [language, text.normalize('NFC')]));
}
