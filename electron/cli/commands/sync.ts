// `chieng pack sync`: the app's sync from the command line, for district IT provisioning many
// laptops; the same checks, with a progress line.
import type { Command } from 'commander';
import { formatBytes } from '../../../shared/format';
import type { EventPayload } from '../../core/contract';
import { CliFailure, type CliContext } from '../cli-context';
import { call } from '../call-core';
import { withCore } from '../open-core';

interface SyncOptions {
  readonly hub?: string;
  readonly dataDir?: string;
  readonly pin?: string;
  readonly json?: boolean;
}

export function registerSync(pack: Command, context: CliContext): void {
  const { t } = context;
  pack
    .command('sync')
    .description(t('cli:command.packSync'))
    .option('--hub <url>', t('cli:option.hubUrl'))
    .option('--data-dir <dir>', t('cli:option.dataDirShort'))
    .option('--pin <pin>', t('cli:option.activePin'))
    .option('--json', t('cli:option.json'))
    .action((options: SyncOptions) =>
      withCore(context, options, 'unlocked', async (core) => {
        // The address given is remembered: this laptop's hub from now on.
        if (options.hub !== undefined) await call(context, core, 'settings.update', { hubUrl: options.hub });
        let lastLine = 0;
        const unsubscribe = core.subscribe((event) => {
          if (event.name !== 'sync.progress' || options.json) return;
          const now = Date.now();
          if (now - lastLine < 1000 && event.payload.doneBytes < event.payload.totalBytes) return;
          lastLine = now;
          context.err(progressLine(event.payload, context));
        });
        try {
          // One pass: no check is shown first, so the run reads the catalog itself (and, given
          // no catalog hash to hold it to, cannot find it changed).
          const run = await call(context, core, 'sync.run', {});
          if (run.outcome !== 'synced') throw new Error('a sync given no catalog hash found its catalog changed');
          const { catalog } = run.check;
          if (catalog.status !== 'ok') {
            throw new CliFailure(
              t(`sync:catalog.${catalog.status}`, {
                version: catalog.version,
                known: catalog.knownVersion ?? '',
                date: catalog.expiresAt.slice(0, 10),
              }),
            );
          }
          if (options.json) return context.out(JSON.stringify({ catalog, cancelled: run.cancelled, results: run.results }));
          if (run.results.length === 0) context.out(t('sync:nothingNew'));
          const translate = t as unknown as (key: string, values: object) => string;
          for (const result of run.results) {
            context.out(
              result.failure
                ? translate(result.failure.messageKey, result.failure.params ?? {})
                : t(`sync:result.${result.status as 'installed'}`, { title: result.title, version: result.version }),
            );
          }
          if (run.results.some((result) => result.status === 'failed')) process.exitCode = 1;
        } finally {
          unsubscribe();
        }
      }),
    );
}

function progressLine(progress: EventPayload<'sync.progress'>, { t, language }: CliContext): string {
  const line = t('sync:progress', {
    title: progress.title,
    done: formatBytes(progress.doneBytes, language),
    total: formatBytes(progress.totalBytes, language),
    files: progress.doneFiles,
    totalFiles: progress.totalFiles,
    speed: formatBytes(progress.bytesPerSecond, language),
  });
  if (progress.secondsLeft === null) return line;
  const time =
    progress.secondsLeft >= 120
      ? t('sync:minutes', { count: Math.round(progress.secondsLeft / 60) })
      : t('sync:seconds', { count: progress.secondsLeft });
  return `${line} · ${t('sync:timeLeft', { time })}`;
}
