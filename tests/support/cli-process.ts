import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
export const chiengBin = path.join(repoRoot, 'bin', 'chieng.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `chieng` to completion, as a user would from a terminal. */
export async function runChieng(args: readonly string[], options: { prefix?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const [command, ...rest] = [...(options.prefix ?? []), process.execPath, chiengBin, ...args];
  const child = spawn(command ?? process.execPath, rest, { env: { ...process.env, ...options.env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

export interface ServingChieng {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  stop(): Promise<number | null>;
}

/** Starts `chieng serve --json` and resolves once it says where it listens. */
export async function serveChieng(dataDir: string, extraArgs: readonly string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ServingChieng> {
  const child = spawn(process.execPath, [chiengBin, 'serve', '--data-dir', dataDir, '--port', '0', '--json', ...extraArgs], {
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line as string),
    once(child, 'exit').then(() => {
      throw new Error(`chieng serve exited early: ${stderr}`);
    }),
  ]);
  const { url, port } = JSON.parse(first) as { url: string; port: number };
  return {
    child,
    url,
    port,
    dataDir,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}
