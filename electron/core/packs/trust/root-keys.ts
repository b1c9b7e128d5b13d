// The roots a laptop trusts: those built into the app and those district IT added.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { keyIdOf } from '../crypto/ed25519';
import { rootKeySchema, type RootKey } from '../format/schemas';
import { writeFileDurably } from '../../storage/write-file-durably';

export interface TrustedRoot extends RootKey {
  readonly builtIn: boolean;
}

export async function readRootsFrom(dir: string, builtIn: boolean): Promise<TrustedRoot[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const roots: TrustedRoot[] = [];
  for (const name of names.filter((each) => each.endsWith('.json')).sort()) {
    const parsed = rootKeySchema.safeParse(JSON.parse(await readFile(path.join(dir, name), 'utf8')));
    // A root file that does not parse, or whose key id is not its key's, trusts nothing.
    if (parsed.success && keyIdOf(parsed.data.publicKey) === parsed.data.keyId) roots.push({ ...parsed.data, builtIn });
  }
  return roots;
}

export async function saveRoot(dir: string, root: RootKey): Promise<void> {
  // Only the fields of a root file: a TrustedRoot's `builtIn` would make the strict schema
  // reject the file when it is read back, and the root would silently trust nothing.
  const { format, keyId, publicKey, name, role, prefixes } = root;
  await mkdir(dir, { recursive: true });
  await writeFileDurably(
    path.join(dir, `${keyId}.json`),
    `${JSON.stringify({ format, keyId, publicKey, name, role, prefixes }, null, 2)}\n`,
  );
}

export async function deleteRoot(dir: string, keyId: string): Promise<boolean> {
  const file = path.join(dir, `${keyId}.json`);
  const existed = (await readFile(file).catch(() => undefined)) !== undefined;
  await rm(file, { force: true });
  return existed;
}
