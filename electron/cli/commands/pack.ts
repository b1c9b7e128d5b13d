// `chieng pack import|list|remove|export|verify`: the packs of a data folder.
import path from 'node:path';
import type { Command } from 'commander';
import { formatBytes } from '../../../shared/format';
import type { PackSummary } from '../../core/contract';
import { openTrustService } from '../../core/packs/trust/trust-service';
import { readRootsFrom } from '../../core/packs/trust/root-keys';
import { verifyPackFile } from '../../core/packs/install/verify-pack-file';
import { makeTempDir } from '../temp-dir';
import type { CliContext } from '../cli-context';
import { call } from '../call-core';
import { withCore } from '../open-core';
import { saveDownload } from '../save-download';
import { dataDirFrom } from '../options';

interface DataDirOption {
  readonly dataDir?: string;
  readonly pin?: string;
  readonly json?: boolean;
}

export function registerPack(program: Command, context: CliContext): Command {
  const { t } = context;
  const pack = program.command('pack').description(t('cli:command.pack'));
  const dataDir = (command: Command) => command.option('--data-dir <dir>', t('cli:option.dataDirShort'));
  // Reading or changing a data folder's packs is refused while the app is locked, as in the app.
  const inDataDir = (command: Command) => dataDir(command).option('--pin <pin>', t('cli:option.activePin'));

  inDataDir(pack.command('import').description(t('cli:command.packImport')).argument('<file>', t('cli:argument.packFile')))
    .option('--json', t('cli:option.json'))
    .action((file: string, options: DataDirOption) =>
      withCore(context, options, 'unlocked', async (core) => {
        const uploadId = core.transfers.registerUploadPath(file, path.basename(file));
        const outcome = await call(context, core, 'packs.import', { uploadId });
        context.out(
          options.json
            ? JSON.stringify(outcome)
            : t(`cli:pack.${outcome.status}`, {
                title: outcome.title,
                id: outcome.id,
                version: outcome.version,
                previous: outcome.previousVersion ?? '',
              }),
        );
      }),
    );

  inDataDir(pack.command('list').description(t('cli:command.packList')))
    .option('--json', t('cli:option.json'))
    .action((options: DataDirOption) =>
      withCore(context, options, 'unlocked', async (core) => {
        const { packs, storeBytes } = await call(context, core, 'packs.list', {});
        if (options.json) return context.out(JSON.stringify({ packs, storeBytes }));
        if (packs.length === 0) return context.out(t('cli:pack.none'));
        for (const each of packs) context.out(describePack(each, context));
        context.out(t('cli:pack.storeTotal', { size: formatBytes(storeBytes, context.language) }));
      }),
    );

  inDataDir(pack.command('remove').description(t('cli:command.packRemove')).argument('<id>', t('cli:argument.packId')))
    .option('--json', t('cli:option.json'))
    .action((id: string, options: DataDirOption) =>
      withCore(context, options, 'unlocked', async (core) => {
        const removed = await call(context, core, 'packs.remove', { id });
        context.out(
          options.json ? JSON.stringify(removed) : t('cli:pack.removed', { id, size: formatBytes(removed.freedBytes, context.language) }),
        );
      }),
    );

  inDataDir(pack.command('export').description(t('cli:command.packExport')).argument('<id>', t('cli:argument.packId')))
    .requiredOption('--out <file>', t('cli:option.outPack'))
    .option('--json', t('cli:option.json'))
    .action((id: string, options: DataDirOption & { out: string }) =>
      withCore(context, options, 'unlocked', async (core) => {
        const exported = await call(context, core, 'packs.export', { id });
        await saveDownload(context, core, exported.downloadId, options.out);
        context.out(
          options.json
            ? JSON.stringify({ id, file: path.resolve(options.out), size: exported.size })
            : t('cli:pack.exported', { id, file: options.out, size: formatBytes(exported.size, context.language) }),
        );
      }),
    );

  dataDir(pack.command('verify').description(t('cli:command.packVerify')).argument('<file>', t('cli:argument.packFile')))
    .option('--trust <dir>', t('cli:option.trustDir'))
    .option('--json', t('cli:option.json'))
    .action(async (file: string, options: DataDirOption & { trust?: string }) => {
      // Verifying installs nothing, so it needs no lock: a throwaway trust state, with the
      // roots of --trust, or else those this laptop trusts.
      const temp = await makeTempDir();
      try {
        const builtInRoots = options.trust ?? path.join(context.resourcesDir, 'trust', 'roots');
        const trust = await openTrustService(
          { builtInRoots, trustDir: temp.dir },
          () => new Date(),
          () => undefined,
        );
        if (!options.trust) {
          for (const root of await readRootsFrom(path.join(dataDirFrom(options.dataDir, context.env), 'trust', 'roots'), false))
            await trust.addRoot(root);
        }
        const pack = await verifyPackFile(trust, file, path.basename(file));
        const { manifest, publisher } = pack;
        const summary = {
          id: manifest.id,
          version: manifest.version,
          title: manifest.title,
          publisher: publisher.certificate.name,
          root: publisher.root.name,
          official: publisher.root.role === 'official',
          items: manifest.items.length,
          expiresAt: manifest.expiresAt,
        };
        context.out(
          options.json
            ? JSON.stringify({ valid: true, ...summary })
            : t(summary.official ? 'cli:pack.verifiedOfficial' : 'cli:pack.verifiedDemo', {
                title: manifest.title.vi,
                id: manifest.id,
                version: manifest.version,
                publisher: publisher.certificate.name.vi ?? '',
                items: manifest.items.length,
              }),
        );
      } finally {
        await temp.remove();
      }
    });
  return pack;
}

function describePack(pack: PackSummary, context: CliContext): string {
  const { t } = context;
  const lang = context.language;
  const flags = [
    pack.official ? t('cli:pack.flagOfficial') : t('cli:pack.flagDemo'),
    ...(pack.expired ? [t('cli:pack.flagExpired')] : []),
    ...(pack.trust === 'revoked' ? [t('cli:pack.flagRevoked')] : pack.trust === 'untrusted' ? [t('cli:pack.flagUntrusted')] : []),
  ];
  return t('cli:pack.line', {
    id: pack.id,
    version: pack.version,
    title: pack.title[lang] ?? pack.title.vi ?? pack.id,
    flags: flags.join(', '),
    items: t('packs:items', { count: pack.itemCount }),
    size: formatBytes(pack.diskBytes, lang),
  });
}
