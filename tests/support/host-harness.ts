import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core/core';
import { startHost, type RunningHost } from '../../electron/host/host-server';
import { makeTempDir } from './temp-dir';
import { repoRoot } from './cli-process';

const resourcesDir = path.join(repoRoot, 'resources');

export interface HostHarness {
  readonly core: Core;
  readonly host: RunningHost;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** A real core and host on a free port, serving a tiny stand-in for the built renderer. */
export async function startHostHarness(): Promise<HostHarness> {
  const temp = await makeTempDir('chieng-host');
  const rendererDir = path.join(temp.dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Chiêng</title>');
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(temp.dir, 'secret.txt'), 'outside the renderer');
  const dataDir = path.join(temp.dir, 'data');
  const core = await openCore({ dataDir, kind: 'serve', appVersion: '0.0.0-test', resourcesDir, log: () => undefined });
  const host = await startHost({ core, rendererDir, port: 0, log: () => undefined });
  return {
    core,
    host,
    dataDir,
    async close() {
      await host.close();
      await core.close();
      await temp.remove();
    },
  };
}
