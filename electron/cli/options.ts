import { z } from 'zod';
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

/** One of a fixed list (a logbook, a registry); a slip is told with the whole list, each with its name. */
export function parseChoice<T extends string>(
  value: string,
  choices: readonly T[],
  labelKey: (choice: T) => string,
  messageKey: string,
  t: Translate,
): T {
  const found = choices.find((choice) => choice === value);
  if (found) return found;
  const list = choices.map((choice) => `${choice} (${t(labelKey(choice))})`).join(', ');
  throw new CliFailure(t(messageKey, { value, choices: list }), 2);
}

/** A day as `2026-11-24`, checked by the same rule as the API's. */
export function parseDay(value: string, option: string, t: Translate): string {
  if (!z.iso.date().safeParse(value).success) throw new CliFailure(t('cli:error.badDay', { value, option }), 2);
  return value;
}
