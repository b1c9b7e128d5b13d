import { openCore, type Core } from '../core/core';
import type { Access } from '../core/contract/define';
import type { Profile } from '../core/contract/profiles';
import type { CliContext } from './cli-context';
import { workAs, type PersonOptions } from './work-as';
import { dataDirFrom } from './options';

export interface CoreCommandOptions extends PersonOptions {
  readonly dataDir?: string;
}

/**
 * Opens the data folder for one command, runs it, and always releases the folder. The
 * command says what its calls need, as the contract's access rules do: nothing, the lock
 * lifted (with the PIN of the person chosen in the app, unless another is named), or an
 * author too; `work` is told who that is.
 */
export async function withCore<T>(
  context: CliContext,
  options: CoreCommandOptions,
  needs: Access,
  work: (core: Core, person: Profile | undefined) => Promise<T>,
): Promise<T> {
  const core = await openCore({
    dataDir: dataDirFrom(options.dataDir, context.env),
    kind: 'cli',
    appVersion: context.version,
    resourcesDir: context.resourcesDir,
    embeddedPacksDir: context.embeddedPacksDir,
  });
  try {
    const person = needs === 'open' ? undefined : await workAs(context, core, options, needs === 'author');
    return await work(core, person);
  } finally {
    await core.close();
  }
}
