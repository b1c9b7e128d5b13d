// `chieng registry import|export`: the commune's lists of villages, respected community
// figures and places of worship, as CSV files that Excel reads and writes.
import type { Command } from 'commander';
import type { ImportProblem } from '../../core/contract/registries';
import { registryNames, type RegistryName } from '../../../shared/registry-choices';
import { CliFailure, type CliContext } from '../cli-context';
import { saveDownload } from '../save-download';
import { uploadOf } from '../input-file';
import { call } from '../call-core';
import { withCore } from '../open-core';
import { parseChoice } from '../options';
import type { CoreCommandOptions } from '../open-core';

export function registerRegistry(program: Command, context: CliContext): void {
  const { t } = context;
  const registry = program.command('registry').description(t('cli:command.registry'));
  const common = (command: Command) =>
    command
      .argument('<kind>', t('cli:argument.registry', { kinds: registryNames.join(', ') }))
      .option('--profile <name>', t('cli:option.profile'))
      .option('--pin <pin>', t('cli:option.pin'))
      .option('--data-dir <dir>', t('cli:option.dataDirShort'));

  common(registry.command('import').description(t('cli:command.registryImport')))
    .argument('<file>', t('cli:argument.csvFile'))
    .action(async (kind: string, file: string, options: CoreCommandOptions) => {
      const name = registryOf(kind, context);
      await withCore(context, options, 'unlocked', async (core) => {
        const uploadId = await uploadOf(context, core, file);
        const outcome = await call(context, core, 'registry.import', { registry: name, uploadId });
        if (outcome.problems.length > 0) throw new CliFailure(describeProblems(outcome.problems, context));
        context.out(t('cli:registry.imported', { count: outcome.imported, registry: t(`registries:registry.${name}`) }));
      });
    });

  common(registry.command('export').description(t('cli:command.registryExport')))
    .option('--out <file>', t('cli:option.outExport'))
    .action(async (kind: string, options: CoreCommandOptions & { out?: string }) => {
      const name = registryOf(kind, context);
      await withCore(context, options, 'unlocked', async (core) => {
        const exported = await call(context, core, 'registry.export', { registry: name });
        await saveDownload(context, core, exported.downloadId, options.out);
        if (options.out !== undefined)
          context.out(t('cli:registry.exported', { registry: t(`registries:registry.${name}`), file: options.out }));
      });
    });
}

function registryOf(value: string, { t }: CliContext): RegistryName {
  return parseChoice(value, registryNames, (name) => `registries:registry.${name}`, 'cli:error.unknownRegistry', t);
}

/** Nothing was imported: one line that says so, then every problem by row and column. */
function describeProblems(problems: readonly ImportProblem[], { t }: CliContext): string {
  const translate = t as unknown as (key: string, options?: object) => string;
  const lines = problems.map((problem) => {
    const message = translate(problem.messageKey, problem.params ?? {});
    if (problem.row === 0) return message;
    return translate(problem.column ? 'cli:registry.problemAtColumn' : 'cli:registry.problemAtRow', {
      row: problem.row,
      column: problem.column ?? '',
      message,
    });
  });
  return [t('registries:import.refused', { count: problems.length }), ...lines.map((line) => `  ${line}`)].join('\n');
}
