// A core on a temporary data folder with a clock the test moves, for the logbooks, the
// registries and the profiles. Calls go through the dispatcher, so the contract's
// validation runs as it does for the UI.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ApiError, ApiInput, ApiOutput, MethodName } from '../../electron/core/contract';
import type { FieldError } from '../../electron/core/contract/api-error';
import { openCore, type Core } from '../../electron/core/core';
import { resources, uiLanguages } from '../../locales';
import { repoRoot } from './cli-process';

/** Wall-clock time the test sets; 2026-11-24 10:00 in Vietnam unless moved. */
export class TestClock {
  now = new Date('2026-11-24T03:00:00.000Z');

  readonly read = (): Date => this.now;

  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
}

export function openTestCore(dataDir: string, clock: TestClock): Promise<Core> {
  return openCore({
    dataDir,
    kind: 'cli',
    appVersion: '9.9.9',
    resourcesDir: path.join(repoRoot, 'resources'),
    log: () => undefined,
    clock: clock.read,
  });
}

/** Calls a method that must succeed, and returns its value. */
export async function ok<M extends MethodName>(core: Core, method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
  const result = await core.call(method, input);
  if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
  return result.value as ApiOutput<M>;
}

/** Calls a method that must be refused (any input, as a page might send), and returns the error. */
export async function refusal(core: Core, method: MethodName, input: unknown): Promise<ApiError> {
  const result = await core.call(method, input);
  if (result.ok) throw new Error(`${method} was expected to be refused, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Every field an error names: its list of fields, or its one field. */
export function fieldErrors(error: ApiError): FieldError[] {
  if (error.fields) return [...error.fields];
  return error.field === undefined
    ? []
    : [{ field: error.field, messageKey: error.messageKey, ...(error.params ? { params: error.params } : {}) }];
}

/** Whether a message key (`errors:field.required`) has a text in every UI language. */
export function hasTextInEveryLanguage(key: string): boolean {
  const [namespace, dotted] = key.split(':') as [keyof (typeof resources)['vi'], string];
  return uiLanguages.every((language) => {
    const text = dotted
      .split('.')
      .reduce<unknown>(
        (tree, part) => (tree !== null && typeof tree === 'object' ? (tree as Record<string, unknown>)[part] : undefined),
        resources[language][namespace],
      );
    return typeof text === 'string' && text !== '';
  });
}

/** The text of a file the core offers for download. */
export async function downloaded(core: Core, downloadId: string): Promise<Buffer> {
  const download = core.transfers.download(downloadId);
  if (!download) throw new Error(`no download ${downloadId}`);
  return readFile(download.path);
}

/** Hands bytes to the core as a file the person chose, as the desktop shell does. */
export async function upload(core: Core, folder: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(folder, name);
  await writeFile(file, bytes);
  return core.transfers.registerUploadPath(file, name);
}
