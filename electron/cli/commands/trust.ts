// `chieng trust add|list|remove`: the root keys a laptop accepts beyond the built-in ones,
// for district IT provisioning many laptops.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliFailure, type CliContext } from '../cli-context';
import { call } from '../call-core';
import { withCore } from '../open-core';

interface TrustOptions {
  readonly dataDir?: string;
  readonly pin?: string;
  readonly json?: boolean;
}

export function registerTrust(program: Command, context: CliContext): void {
  const { t } = context;
  const trust = program.command('trust').description(t('cli:command.trust'));

  trust
    .command('add')
    .description(t('cli:command.trustAdd'))
    .argument('<file>', t('cli:argument.rootFile'))
    .option('--prefix <prefix...>', t('cli:option.rootPrefix'))
    .option('--demo', t('cli:option.demoRoot'))
    .option('--data-dir <dir>', t('cli:option.dataDirShort'))
    .option('--pin <pin>', t('cli:option.activePin'))
    .option('--json', t('cli:option.json'))
    .action((file: string, options: TrustOptions & { prefix?: string[]; demo?: boolean }) =>
      withCore(context, options, 'unlocked', async (core) => {
        const text = await readFile(file, 'utf8').catch(() => {
          throw new CliFailure(t('cli:key.file.unreadable', { file }));
        });
        const root = await call(context, core, 'trust.add', {
          root: text,
          ...(options.demo ? { role: 'demo' as const } : {}),
          ...(options.prefix ? { prefixes: options.prefix } : {}),
        });
        context.out(
          options.json
            ? JSON.stringify(root)
            : t('cli:trust.added', { keyId: root.keyId, name: root.name.vi ?? '', prefixes: root.prefixes.join(', ') }),
        );
      }),
    );

  trust
    .command('list')
    .description(t('cli:command.trustList'))
    .option('--data-dir <dir>', t('cli:option.dataDirShort'))
    .option('--pin <pin>', t('cli:option.activePin'))
    .option('--json', t('cli:option.json'))
    .action((options: TrustOptions) =>
      withCore(context, options, 'unlocked', async (core) => {
        const { roots } = await call(context, core, 'trust.list', {});
        if (options.json) return context.out(JSON.stringify({ roots }));
        for (const root of roots) {
          context.out(
            t('cli:trust.line', {
              keyId: root.keyId,
              name: root.name[context.language] ?? root.name.vi ?? '',
              role: t(`cli:trust.role.${root.role}`),
              origin: t(root.builtIn ? 'cli:trust.builtIn' : 'cli:trust.addedHere'),
              prefixes: root.prefixes.join(', '),
            }),
          );
        }
      }),
    );

  trust
    .command('remove')
    .description(t('cli:command.trustRemove'))
    .argument('<keyId>', t('cli:argument.keyId'))
    .option('--data-dir <dir>', t('cli:option.dataDirShort'))
    .option('--pin <pin>', t('cli:option.activePin'))
    .option('--json', t('cli:option.json'))
    .action((keyId: string, options: TrustOptions) =>
      withCore(context, options, 'unlocked', async (core) => {
        const { removed } = await call(context, core, 'trust.remove', { keyId });
        if (!removed) throw new CliFailure(t('cli:trust.notAdded', { keyId }));
        context.out(options.json ? JSON.stringify({ keyId, removed }) : t('cli:trust.removed', { keyId }));
      }),
    );
}
