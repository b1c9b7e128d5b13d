import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '../core/core';
import { CliFailure, type CliContext } from './cli-context';

/** Hands a file named on the command line to the core, as the app hands over a file picked; a missing one is said plainly. */
export async function uploadOf(context: CliContext, core: Core, file: string): Promise<string> {
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) throw new CliFailure(context.t('cli:error.noFile', { file }));
  return core.transfers.registerUploadPath(file, path.basename(file));
}
