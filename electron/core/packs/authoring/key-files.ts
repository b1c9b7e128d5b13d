// Reading and writing the key, certificate and signature files of docs/pack-format.md.
import { chmod, readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { writeFileDurably } from '../../storage/write-file-durably';
import { Failure } from '../../failure';
import { secretKeyMatches } from '../crypto/ed25519';
import {
  certificateFileSchema,
  publicKeyFileSchema,
  rootKeySchema,
  secretKeyFileSchema,
  type PublicKeyFile,
  type SecretKeyFile,
} from '../format/schemas';

export type KeyFileReason = 'unreadable' | 'notJson' | 'notSecretKey' | 'notPublicKey' | 'notCertificate' | 'keyMismatch';

/** A key, root or certificate file that cannot be used; message `cli:key.file.<reason>`. */
export class KeyFileError extends Failure {
  readonly reason: KeyFileReason;

  constructor(file: string, reason: KeyFileReason) {
    super('invalid_input', `cli:key.file.${reason}`, { params: { file } });
    this.reason = reason;
  }
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new KeyFileError(file, 'unreadable');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new KeyFileError(file, 'notJson');
  }
}

async function readAs<T>(file: string, schema: z.ZodType<T>, notThat: KeyFileReason): Promise<T> {
  const parsed = schema.safeParse(await readJson(file));
  if (!parsed.success) throw new KeyFileError(file, notThat);
  return parsed.data;
}

export async function readSecretKey(file: string): Promise<SecretKeyFile> {
  const key = await readAs(file, secretKeyFileSchema, 'notSecretKey');
  if (!secretKeyMatches(key)) throw new KeyFileError(file, 'keyMismatch');
  return key;
}

/** A public key from a `.pub` file, a root file, or the public half of a `.key` file. */
export async function readPublicKey(file: string): Promise<PublicKeyFile> {
  const data = await readJson(file);
  const asPublic = publicKeyFileSchema.safeParse(data);
  if (asPublic.success) return asPublic.data;
  const asSecret = secretKeyFileSchema.safeParse(data);
  if (asSecret.success)
    return {
      format: 'chieng-key/1',
      type: 'ed25519-public',
      keyId: asSecret.data.keyId,
      name: asSecret.data.name,
      publicKey: asSecret.data.publicKey,
    };
  const asRoot = rootKeySchema.safeParse(data);
  if (asRoot.success)
    return {
      format: 'chieng-key/1',
      type: 'ed25519-public',
      keyId: asRoot.data.keyId,
      name: asRoot.data.name.vi ?? '',
      publicKey: asRoot.data.publicKey,
    };
  throw new KeyFileError(file, 'notPublicKey');
}

export const readCertificateFile = (file: string) => readAs(file, certificateFileSchema, 'notCertificate');

export async function writeJsonFile(file: string, data: unknown, options: { secret?: boolean } = {}): Promise<void> {
  await writeFileDurably(file, `${JSON.stringify(data, null, 2)}\n`);
  if (options.secret) await chmod(file, 0o600);
}
