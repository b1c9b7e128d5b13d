// `chieng log export|add`: the field logbooks, for scripts and for bringing over records
// kept in older spreadsheets. Every record goes through the same API calls as the app's
// forms, so it is checked by the same rules.
import type { Command } from 'commander';
import type { EntryProblem } from '../../core/contract/logbooks';
import { logbookKinds, type LogbookKind } from '../../../shared/logbook-choices';
import { CliFailure, type CliContext } from '../cli-context';
import { saveDownload } from '../save-download';
import { uploadOf } from '../input-file';
import { call } from '../call-core';
import { withCore, type CoreCommandOptions } from '../open-core';
import { parseChoice, parseDay } from '../options';

interface CommonOptions extends CoreCommandOptions {
  readonly kind: string;
}

/** No --from: from the first record kept; no --to: to the last. */
const firstMonth = '0001-01';
const lastMonth = '9999-12';
const optionOf = { fromDate: '--from', toDate: '--to', kind: '--kind', format: '--format' };

export function registerLog(program: Command, context: CliContext): void {
  const { t } = context;
  const log = program.command('log').description(t('cli:command.log'));
  const common = (command: Command) =>
    command
      .requiredOption('--kind <kind>', t('cli:option.logKind', { kinds: logbookKinds.join(', ') }))
      .option('--profile <name>', t('cli:option.profile'))
      .option('--pin <pin>', t('cli:option.pin'))
      .option('--data-dir <dir>', t('cli:option.dataDirShort'));

  common(log.command('export').description(t('cli:command.logExport')))
    .option('--from <day>', t('cli:option.fromDay'))
    .option('--to <day>', t('cli:option.toDay'))
    .requiredOption('--format <format>', t('cli:option.logFormat'))
    .option('--out <file>', t('cli:option.outExport'))
    .action(async (options: CommonOptions & { from?: string; to?: string; format: string; out?: string }) => {
      const kind = kindOf(options.kind, context);
      const format = parseChoice(
        options.format,
        ['csv', 'json'] as const,
        (choice) => `cli:log.format.${choice}`,
        'cli:error.unknownFormat',
        t,
      );
      const fromDate = options.from === undefined ? undefined : parseDay(options.from, '--from', t);
      const toDate = options.to === undefined ? undefined : parseDay(options.to, '--to', t);
      await withCore(context, options, 'unlocked', async (core) => {
        const span = { fromMonth: fromDate ? undefined : firstMonth, toMonth: toDate ? undefined : lastMonth, fromDate, toDate };
        const exported = await call(context, core, 'logbook.export', { kind, format, ...span }, optionOf);
        await saveDownload(context, core, exported.downloadId, options.out);
        if (options.out !== undefined)
          context.out(t('cli:log.exported', { count: exported.count, logbook: t(`logbooks:kind.${kind}`), file: options.out }));
      });
    });

  common(log.command('add').description(t('cli:command.logAdd')))
    .requiredOption('--json <file>', t('cli:option.recordsFile'))
    .option('--final', t('cli:option.final'))
    .action(async (options: CommonOptions & { json: string; final?: boolean }) => {
      const kind = kindOf(options.kind, context);
      await withCore(context, options, 'author', async (core, author) => {
        const uploadId = await uploadOf(context, core, options.json);
        const outcome = await call(context, core, 'logbook.import', { kind, uploadId, finalise: options.final === true });
        if (outcome.problems.length > 0) throw new CliFailure(describeProblems(outcome.problems, outcome.invalidEntries, context));
        context.out(
          t(options.final ? 'cli:log.addedFinal' : 'cli:log.addedDraft', {
            count: outcome.imported,
            logbook: t(`logbooks:kind.${kind}`),
            name: author?.name ?? '',
          }),
        );
      });
    });
}

function kindOf(value: string, { t }: CliContext): LogbookKind {
  return parseChoice(value, logbookKinds, (kind) => `logbooks:kind.${kind}`, 'cli:error.unknownLogbook', t);
}

/** Every wrong entry on its own line, after one line that says nothing was added. */
function describeProblems(problems: readonly EntryProblem[], invalidEntries: number, { t }: CliContext): string {
  const translate = t as unknown as (key: string, options?: object) => string;
  const lines = problems.map((problem) => {
    const message = translate(problem.messageKey, problem.params ?? {});
    if (problem.index === undefined) return message;
    return translate(problem.field ? 'cli:log.problemAtField' : 'cli:log.problemAt', {
      index: problem.index,
      field: problem.field ?? '',
      message,
    });
  });
  // A file that cannot be read at all is one problem with no entry to name.
  if (invalidEntries === 0) return lines.join('\n');
  return [t('cli:log.noneAdded', { count: invalidEntries }), ...lines.map((line) => `  ${line}`)].join('\n');
}
