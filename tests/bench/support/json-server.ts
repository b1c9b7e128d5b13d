// A Node child process that serves HTTP and announces itself with one JSON line on stdout
// (`chieng serve --json`, or the baseline's static server).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunningServer {
  readonly url: string;
  /** SIGTERM, then SIGKILL if it lingers; resolves once the process has exited. */
  stop(): Promise<void>;
}

const announceTimeoutMs = 30_000;
const stopGraceMs = 5_000;

export async function spawnJsonServer(args: readonly string[], cwd: string): Promise<RunningServer> {
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    // Kept only to explain a failure; bounded in case the child is chatty.
    stderr = (stderr + chunk).slice(-4_000);
  });
  const stop = () => stopChild(child);
  try {
    const url = await announcedUrl(child, () => stderr);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function announcedUrl(child: ChildProcess, stderr: () => string): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  return new Promise<string>((resolve, reject) => {
    const fail = (why: string) => {
      cleanup();
      reject(new Error(`${why}: node ${child.spawnargs.slice(1).join(' ')}\n${stderr()}`));
    };
    const onLine = (line: string) => {
      const url = urlIn(line);
      if (url === undefined) return;
      cleanup();
      resolve(url);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited (${signal ?? code}) before announcing a URL`);
    const onError = (error: Error) => fail(`could not start (${error.message})`);
    const timer = setTimeout(() => fail(`announced no URL within ${announceTimeoutMs} ms`), announceTimeoutMs);
    function cleanup() {
      clearTimeout(timer);
      lines.off('line', onLine);
      child.off('exit', onExit);
      child.off('error', onError);
    }
    lines.on('line', onLine);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

function urlIn(line: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && 'url' in parsed && typeof parsed.url === 'string') return parsed.url;
  } catch {
    // Not the announcement.
  }
  return undefined;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const lingered = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), stopGraceMs);
  });
  if (await Promise.race([exited.then(() => false), lingered])) {
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}
