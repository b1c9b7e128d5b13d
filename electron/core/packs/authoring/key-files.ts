// Reading and writing the key, certificate and signature files of docs/pack-format.md.
import { chmod, readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { writeFileDurably } from '../../storage/write-file-durably';
import { secretKeyMatches } from '../crypto/ed25519';
import {
  certificateFileSchema,
  publicKeyFileSchema,
  rootKeySchema,
  secretKeyFileSchema,
  type PublicKeyFile,
  type RootKey,
  type SecretKeyFile,
} from '../format/schemas';

export class KeyFileError extends Error {
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'KeyFileError';
    this.file = file;
  }
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new KeyFileError(file, 'cannot be read');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new KeyFileError(file, 'not JSON');
  }
}

async function readAs<T>(file: string, schema: z.ZodType<T>, what: string): Promise<T> {
  const parsed = schema.safeParse(await readJson(file));
  if (!parsed.success) throw new KeyFileError(file, `not a ${what}`);
  return parsed.data;
}

export async function readSecretKey(file: string): Promise<SecretKeyFile> {
  const key = await readAs(file, secretKeyFileSchema, 'secret key file');
  if (!secretKeyMatches(key)) throw new KeyFileError(file, 'the secret key does not match its public key');
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
  throw new KeyFileError(file, 'not a public key file');
}

export const readRootFile = (file: string): Promise<RootKey> => readAs(file, rootKeySchema, 'root file');
export const readCertificateFile = (file: string) => readAs(file, certificateFileSchema, 'publisher certificate file');

export async function writeJsonFile(file: string, data: unknown, options: { secret?: boolean } = {}): Promise<void> {
  await writeFileDurably(file, `${JSON.stringify(data, null, 2)}\n`);
  if (options.secret) await chmod(file, 0o600);
}
