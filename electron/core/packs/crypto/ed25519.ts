// Ed25519 keys, signatures and key ids, on Node's own crypto (no native module, no library).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { DetachedSignature, PublicKeyFile, SecretKeyFile } from '../format/schemas';

/** First 32 hex digits of the SHA-256 of the raw 32-byte public key. */
export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 32);
}

export function generateKey(name: string): { secret: SecretKeyFile; public: PublicKeyFile } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = rawPublicKey(publicKey);
  const keyId = keyIdOf(raw);
  return {
    secret: {
      format: 'chieng-key/1',
      type: 'ed25519-secret',
      keyId,
      name,
      publicKey: raw,
      secretKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    },
    public: { format: 'chieng-key/1', type: 'ed25519-public', keyId, name, publicKey: raw },
  };
}

export function signBytes(bytes: Uint8Array, key: SecretKeyFile): DetachedSignature {
  const privateKey = createPrivateKey({ key: Buffer.from(key.secretKey, 'base64'), format: 'der', type: 'pkcs8' });
  return { format: 'chieng-sig/1', keyId: key.keyId, signature: sign(null, bytes, privateKey).toString('base64') };
}

/** True only for a valid signature by exactly this public key over exactly these bytes. */
export function verifyBytes(bytes: Uint8Array, signature: DetachedSignature, publicKey: string): boolean {
  if (signature.keyId !== keyIdOf(publicKey)) return false;
  const raw = Buffer.from(signature.signature, 'base64');
  if (raw.length !== 64) return false;
  try {
    return verify(null, bytes, publicKeyObject(publicKey), raw);
  } catch {
    return false;
  }
}

function publicKeyObject(publicKey: string): KeyObject {
  const raw = Buffer.from(publicKey, 'base64');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function rawPublicKey(key: KeyObject): string {
  const { x } = key.export({ format: 'jwk' });
  return Buffer.from(x ?? '', 'base64url').toString('base64');
}

/** True when a secret key's public half is the one it claims. */
export function secretKeyMatches(key: SecretKeyFile): boolean {
  try {
    const derived = rawPublicKey(
      createPublicKey(createPrivateKey({ key: Buffer.from(key.secretKey, 'base64'), format: 'der', type: 'pkcs8' })),
    );
    return derived === key.publicKey && keyIdOf(derived) === key.keyId;
  } catch {
    return false;
  }
}
