import type { Translate } from '../i18n/translator';
import type { DataDirError } from './data-dir-error';

/** The refusal as one sentence in the user's language, naming who holds the folder. */
export function describeDataDirError(error: DataDirError, t: Translate): string {
  const holder = typeof error.params.kind === 'string' ? t(`errors:holder.${error.params.kind}`) : '';
  const since = typeof error.params.since === 'string' ? new Date(error.params.since) : undefined;
  return t(error.messageKey, { ...error.params, holder, since });
}
