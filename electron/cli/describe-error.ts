import { DataDirError } from '../core/data-dir/data-dir-error';
import { describeDataDirError } from '../core/data-dir/describe-data-dir-error';
import { Failure } from '../core/failure';
import type { Translate } from '../core/i18n/translator';
import { CliFailure } from './cli-context';

/** One line that says what went wrong, in the user's language. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof CliFailure) return error.message;
  if (error instanceof DataDirError) return describeDataDirError(error, t);
  if (error instanceof Failure) return t(error.messageKey, error.params);
  const reason = error instanceof Error ? error.message : String(error);
  return t('cli:error.unexpected', { reason });
}
