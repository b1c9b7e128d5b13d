import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { openCore } from '../../core/core';
import { startHost } from '../../host/host-server';
import { CliFailure, type CliContext } from '../cli-context';
import { dataDirFrom, defaultPort, parsePort } from '../options';

interface ServeOptions {
  readonly dataDir?: string;
  readonly port: string;
  readonly json?: boolean;
}

export function registerServe(program: Command, context: CliContext): void {
  const { t } = context;
  program
    .command('serve')
    .description(t('cli:command.serve'))
    .option('--data-dir <dir>', t('cli:option.dataDir', { path: dataDirFrom(undefined, context.env) }))
    .option('--port <port>', t('cli:option.port', { port: defaultPort }), String(defaultPort))
    .option('--json', t('cli:option.json'))
    .action((options: ServeOptions) => serve(options, context));
}

async function serve(options: ServeOptions, context: CliContext): Promise<void> {
  const { t } = context;
  const port = parsePort(options.port, t);
  if (!existsSync(path.join(context.rendererDir, 'index.html'))) {
    throw new CliFailure(t('cli:error.rendererMissing', { path: context.rendererDir }));
  }
  const core = await openCore({
    dataDir: dataDirFrom(options.dataDir, context.env),
    kind: 'serve',
    appVersion: context.version,
    resourcesDir: context.resourcesDir,
    embeddedPacksDir: context.embeddedPacksDir,
  });
  let host;
  try {
    host = await startHost({ core, rendererDir: context.rendererDir, port });
  } catch (error) {
    await core.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliFailure(t('cli:error.portInUse', { port }));
    throw error;
  }
  core.library.prepare();
  if (options.json) context.out(JSON.stringify({ url: host.url, port: host.port, dataDir: core.dataDir, pid: process.pid }));
  else context.out(t('cli:serve.listening', { url: host.url, dataDir: core.dataDir }));

  await context.untilStopped();
  await host.close();
  await core.close();
  if (!options.json) context.out(t('cli:serve.stopped'));
}
