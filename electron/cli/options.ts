import { defaultDataDir } from '../core/data-dir/default-data-dir';
import type { Translate } from '../core/i18n/translator';
import { CliFailure } from './cli-context';

export const defaultPort = 8780;

export function parsePort(value: string, t: Translate): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliFailure(t('cli:error.portInvalid', { value }), 2);
  return port;
}

export function dataDirFrom(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return option ?? defaultDataDir(process.platform, env);
}
