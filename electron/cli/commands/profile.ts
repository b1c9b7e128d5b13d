// `chieng profile add|list`: the people who share this laptop; every record names its author.
import type { Command } from 'commander';
import type { Session } from '../../core/contract/profiles';
import type { CliContext } from '../cli-context';
import { call } from '../call-core';
import { withCore } from '../open-core';

interface ProfileOptions {
  readonly dataDir?: string;
  readonly json?: boolean;
}

export function registerProfile(program: Command, context: CliContext): void {
  const { t } = context;
  const profile = program.command('profile').description(t('cli:command.profile'));

  profile
    .command('add')
    .description(t('cli:command.profileAdd'))
    .argument('<name>', t('cli:argument.personName'))
    .option('--pin <pin>', t('cli:option.newPin'))
    .option('--active-pin <pin>', t('cli:option.activePin'))
    .option('--data-dir <dir>', t('cli:option.dataDirShort'))
    .action((name: string, options: ProfileOptions & { pin?: string; activePin?: string }) =>
      // Adding someone is refused while the app is locked, as in the app itself.
      withCore(context, { ...options, pinOption: '--active-pin', pin: options.activePin }, 'unlocked', async (core) => {
        const before = await call(context, core, 'profiles.session', {});
        const session = await call(
          context,
          core,
          'profiles.save',
          { name, ...(options.pin === undefined ? {} : { pin: options.pin }) },
          { pin: '--pin', name: t('cli:argument.nameLabel') },
        );
        const added = session.profiles.find((each) => !before.profiles.some((old) => old.id === each.id));
        context.out(t(session.activeId === added?.id ? 'cli:profile.addedChosen' : 'cli:profile.added', { name: added?.name ?? name }));
      }),
    );

  profile
    .command('list')
    .description(t('cli:command.profileList'))
    .option('--data-dir <dir>', t('cli:option.dataDirShort'))
    .option('--json', t('cli:option.json'))
    .action((options: ProfileOptions) =>
      withCore(context, options, 'open', async (core) => {
        const session = await call(context, core, 'profiles.session', {});
        if (options.json) return context.out(JSON.stringify({ profiles: session.profiles, activeId: session.activeId }));
        if (session.profiles.length === 0) return context.out(t('cli:profile.noneYet'));
        for (const line of describe(session, context)) context.out(line);
      }),
    );
}

function describe(session: Session, { t }: CliContext): string[] {
  return session.profiles.map((each) => {
    const flags = [
      ...(each.id === session.activeId ? [t('cli:profile.flagChosen')] : []),
      ...(each.hasPin ? [t('cli:profile.flagPin')] : []),
    ];
    return t('cli:profile.line', { name: each.name, id: each.id, flags: flags.length > 0 ? ` [${flags.join(', ')}]` : '' });
  });
}
