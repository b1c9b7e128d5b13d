import { Command, CommanderError } from 'commander';
import { CliFailure, type CliContext } from './cli-context';
import { registerServe } from './commands/serve';
import { registerPack } from './commands/pack';
import { registerAuthoring } from './commands/authoring';
import { registerTrust } from './commands/trust';
import { registerSync } from './commands/sync';
import { registerHub } from './commands/hub';
import { registerLog } from './commands/log';
import { registerRegistry } from './commands/registry';
import { registerProfile } from './commands/profile';
import { describeError } from './describe-error';

/** Builds the `chieng` command with every text in the user's language. */
export function buildProgram(context: CliContext): Command {
  const { t } = context;
  const titles: Record<string, string> = {
    'Usage:': t('cli:helpTitles.usage'),
    'Options:': t('cli:helpTitles.options'),
    'Commands:': t('cli:helpTitles.commands'),
    'Arguments:': t('cli:helpTitles.arguments'),
  };
  const program = new Command('chieng')
    .description(t('cli:description'))
    .version(context.version, '-v, --version', t('cli:option.version'))
    .helpOption('-h, --help', t('cli:option.help'))
    .helpCommand('help [command]', t('cli:command.help'))
    .showSuggestionAfterError(false)
    .configureHelp({ styleTitle: (title) => titles[title] ?? title })
    .configureOutput({
      writeOut: (text) => context.out(text.replace(/\n$/, '')),
      writeErr: (text) => context.err(text.replace(/\n$/, '')),
      // Commander's own error lines are English; ours replace them (see runCli).
      outputError: () => undefined,
    })
    .exitOverride();
  registerServe(program, context);
  const pack = registerPack(program, context);
  registerAuthoring(pack, program, context);
  registerSync(pack, context);
  registerTrust(program, context);
  registerHub(program, context);
  registerLog(program, context);
  registerRegistry(program, context);
  registerProfile(program, context);
  const applyToAll = (command: Command): void => {
    for (const child of command.commands) {
      child
        .exitOverride()
        .configureOutput(program.configureOutput())
        .helpOption('-h, --help', t('cli:option.help'))
        .configureHelp(program.configureHelp());
      applyToAll(child);
    }
  };
  applyToAll(program);
  return program;
}

/** Runs the CLI and returns the process exit code; errors become one line on stderr. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const program = buildProgram(context);
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      context.err(context.t('cli:error.prefix', { message: commanderMessage(error, context) }));
      return 2;
    }
    context.err(context.t('cli:error.prefix', { message: describeError(error, context.t) }));
    return error instanceof CliFailure ? error.exitCode : 1;
  }
}

function commanderMessage(error: CommanderError, { t }: CliContext): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return t('cli:error.unknownOption', { option: quoted });
    case 'commander.unknownCommand':
      return t('cli:error.unknownCommand', { command: quoted });
    case 'commander.missingArgument':
      return t('cli:error.missingArgument', { argument: quoted });
    case 'commander.optionMissingArgument':
      return t('cli:error.missingOptionValue', { option: quoted });
    case 'commander.missingMandatoryOptionValue':
      return t('cli:error.missingOption', { option: quoted });
    case 'commander.excessArguments':
      return t('cli:error.excessArguments');
    default:
      return error.message.replace(/^error: /, '');
  }
}
