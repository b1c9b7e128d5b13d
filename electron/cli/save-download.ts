import { copyFile, readFile } from 'node:fs/promises';
import type { Core } from '../core/core';
import { CliFailure, type CliContext } from './cli-context';

/**
 * Hands over a file the core prepared for download, as the app's Save button would: to
 * `out` when given, else byte for byte on stdout (a CSV keeps its BOM), for a pipe.
 */
export async function saveDownload(context: CliContext, core: Core, downloadId: string, out: string | undefined): Promise<void> {
  const download = core.transfers.download(downloadId);
  if (!download) throw new CliFailure(context.t('errors:api.internal'));
  try {
    if (out === undefined) await context.writeRaw(await readFile(download.path));
    else
      await copyFile(download.path, out).catch((error: unknown) => {
        throw new CliFailure(
          context.t('cli:error.cannotWrite', { file: out, reason: (error as NodeJS.ErrnoException).code ?? String(error) }),
        );
      });
  } finally {
    await core.transfers.finishDownload(downloadId);
  }
}
