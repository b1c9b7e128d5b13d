// What a publisher and a district IT person do with the real `chieng` command: keys, a
// certificate, a source folder, a root file. For tests that spawn the built CLI.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chiengBin, runChieng, type CliRun } from './cli-process';

/**
 * The environment of a person with a fresh home folder and no language preference, so that
 * nothing the tests run can reach the real user's data folder, and the CLI speaks its
 * default language (Vietnamese) unless a test asks otherwise.
 */
export function isolatedEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    APPDATA: path.join(home, 'AppData'),
    CHIENG_LANG: '',
    LC_ALL: '',
    LC_MESSAGES: '',
    LANG: 'C.UTF-8',
    ...extra,
  };
}

/** `runChieng` in an isolated home. */
export function chiengAt(home: string): (args: readonly string[], extra?: NodeJS.ProcessEnv) => Promise<CliRun> {
  return (args, extra = {}) => runChieng(args, { env: isolatedEnv(home, extra) });
}

/** Starts `chieng` without waiting for it, so a test can interrupt it. */
export function spawnChieng(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcessWithoutNullStreams; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [chiengBin, ...args], { env: { ...process.env, ...env } });
  child.stdout.resume();
  child.stderr.resume();
  const exited = once(child, 'exit').then(([code, signal]) => ({ code: code as number | null, signal: signal as NodeJS.Signals | null }));
  return { child, exited };
}

/** Lines a command wrote, without the final newline. */
export const linesOf = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

export interface CliKeys {
  readonly dir: string;
  readonly rootKey: string;
  readonly rootPub: string;
  readonly rootKeyId: string;
  readonly publisherKey: string;
  readonly publisherPub: string;
  readonly publisherKeyId: string;
  readonly cert: string;
  /** A root file (`chieng-root/1`, official, for `vn.`) in a folder of its own, for --trust. */
  readonly rootFile: string;
  readonly rootsDir: string;
}

/** A root and a publisher for `vn.test.`, made with `chieng pack keygen` and `chieng key sign-publisher`. */
export async function makeKeysWithCli(dir: string, chieng: ReturnType<typeof chiengAt>): Promise<CliKeys> {
  await mkdir(dir, { recursive: true });
  const keygen = async (name: string, label: string) => {
    const run = await chieng(['pack', 'keygen', '--out', path.join(dir, name), '--name', label]);
    if (run.code !== 0) throw new Error(`keygen failed: ${run.stderr}`);
    return (JSON.parse(await readFile(path.join(dir, `${name}.pub`), 'utf8')) as { keyId: string; publicKey: string }).keyId;
  };
  const rootKeyId = await keygen('root', 'Sở TT&TT (thử nghiệm)');
  const publisherKeyId = await keygen('publisher', 'Sở Y tế (thử nghiệm)');
  const cert = path.join(dir, 'publisher.cert');
  const expires = new Date(Date.now() + 2 * 365 * 24 * 3600_000).toISOString().slice(0, 10);
  const signed = await chieng([
    'key',
    'sign-publisher',
    '--root',
    path.join(dir, 'root.key'),
    '--publisher',
    path.join(dir, 'publisher.pub'),
    '--prefix',
    'vn.test.',
    '--expires',
    expires,
    '--out',
    cert,
  ]);
  if (signed.code !== 0) throw new Error(`sign-publisher failed: ${signed.stderr}`);
  // The root file district IT would hand out: the public key with its name, role and reach.
  const rootPublic = JSON.parse(await readFile(path.join(dir, 'root.pub'), 'utf8')) as { keyId: string; publicKey: string };
  const rootsDir = path.join(dir, 'roots');
  await mkdir(rootsDir);
  const rootFile = path.join(rootsDir, 'so-tttt.json');
  await writeFile(
    rootFile,
    JSON.stringify({
      format: 'chieng-root/1',
      keyId: rootPublic.keyId,
      publicKey: rootPublic.publicKey,
      name: { vi: 'Sở TT&TT (thử nghiệm)' },
      role: 'official',
      prefixes: ['vn.'],
    }),
  );
  return {
    dir,
    rootKey: path.join(dir, 'root.key'),
    rootPub: path.join(dir, 'root.pub'),
    rootKeyId,
    publisherKey: path.join(dir, 'publisher.key'),
    publisherPub: path.join(dir, 'publisher.pub'),
    publisherKeyId,
    cert,
    rootFile,
    rootsDir,
  };
}

export interface SourceItem {
  readonly id: string;
  readonly kind: string;
  readonly languages?: readonly string[];
  readonly title?: string;
  /** A file without content is named in pack.json but never written (a missing file). */
  readonly files: readonly { path: string; content?: string | Buffer; language?: string }[];
}

/** Writes a source folder (`pack.json` and its files) as a publisher would. */
export async function writePackSource(
  dir: string,
  pack: { id: string; version: number; title: string },
  items: readonly SourceItem[],
): Promise<string> {
  for (const item of items) {
    for (const file of item.files) {
      if (file.content === undefined) continue;
      const target = path.join(dir, ...file.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
  }
  await writeFile(
    path.join(dir, 'pack.json'),
    JSON.stringify(
      {
        id: pack.id,
        version: pack.version,
        title: { vi: pack.title },
        items: items.map((item) => ({
          id: item.id,
          kind: item.kind,
          languages: item.languages ?? ['vi'],
          topics: ['covid19'],
          title: { vi: item.title ?? item.id },
          files: item.files.map((file) => ({ path: file.path, ...(file.language ? { language: file.language } : {}) })),
        })),
      },
      null,
      2,
    ),
  );
  return dir;
}

/** A small file that passes the PNG content check (the signature, then anything). */
export const pngBytes = (fill = 1, size = 64): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(size, fill)]);

/** Every object file in a data folder's store, by name. */
export async function storeObjects(dataDir: string): Promise<string[]> {
  const objects = path.join(dataDir, 'store', 'objects');
  const names: string[] = [];
  for (const prefix of await readdir(objects).catch(() => [] as string[])) names.push(...(await readdir(path.join(objects, prefix))));
  return names.sort();
}
