// `chieng hub publish|withdraw|serve`: the province's hub, a folder of static files.
import path from 'node:path';
import type { Command } from 'commander';
import { publishToHub, withdrawFromHub, type HubSigner } from '../../../hub/hub-folder';
import { serveHub } from '../../../hub/hub-server';
import { readCertificateFile, readSecretKey } from '../../core/packs/authoring/key-files';
import { openTrustService } from '../../core/packs/trust/trust-service';
import { CliFailure, type CliContext } from '../cli-context';
import { parsePort } from '../options';
import { makeTempDir } from '../temp-dir';

interface SignerOptions {
  readonly dir: string;
  readonly key: string;
  readonly cert?: string;
  readonly validDays: string;
}

export function registerHub(program: Command, context: CliContext): void {
  const { t } = context;
  const hub = program.command('hub').description(t('cli:command.hub'));
  const signerOptions = (command: Command) =>
    command
      .requiredOption('--dir <dir>', t('cli:option.hubDir'))
      .requiredOption('--key <file>', t('cli:option.hubKey'))
      .option('--cert <file>', t('cli:option.cert'))
      .option('--valid-days <days>', t('cli:option.catalogDays'), '30');

  signerOptions(hub.command('publish').description(t('cli:command.hubPublish')).argument('<file>', t('cli:argument.packFile')))
    .option('--trust <dir>', t('cli:option.trustDir'))
    .option('--json', t('cli:option.json'))
    .action(async (file: string, options: SignerOptions & { trust?: string; json?: boolean }) => {
      const signer = await readSigner(options, context);
      const temp = await makeTempDir();
      try {
        const trust = await openTrustService(
          { builtInRoots: options.trust ?? path.join(context.resourcesDir, 'trust', 'roots'), trustDir: temp.dir },
          () => new Date(),
          () => undefined,
        );
        const { catalog, added } = await publishToHub(options.dir, file, trust, signer);
        const entry = catalog.packs.at(-1);
        context.out(
          options.json
            ? JSON.stringify({ catalogVersion: catalog.version, added, packs: catalog.packs.length })
            : t('cli:hub.published', { file: path.basename(file), catalog: catalog.version, added, id: entry?.id ?? '' }),
        );
      } finally {
        await temp.remove();
      }
    });

  signerOptions(hub.command('withdraw').description(t('cli:command.hubWithdraw')).argument('<id>', t('cli:argument.packId')))
    .option('--item <item>', t('cli:option.item'))
    .option('--reason <text>', t('cli:option.withdrawReason'))
    .option('--json', t('cli:option.json'))
    .action(async (id: string, options: SignerOptions & { item?: string; reason?: string; json?: boolean }) => {
      const catalog = await withdrawFromHub(options.dir, await readSigner(options, context), id, options.item, options.reason);
      context.out(
        options.json
          ? JSON.stringify({ catalogVersion: catalog.version, id, item: options.item ?? null })
          : t(options.item ? 'cli:hub.withdrewItem' : 'cli:hub.withdrewPack', { id, item: options.item ?? '', catalog: catalog.version }),
      );
    });

  hub
    .command('serve')
    .description(t('cli:command.hubServe'))
    .requiredOption('--dir <dir>', t('cli:option.hubDir'))
    .option('--port <port>', t('cli:option.port', { port: 8790 }), '8790')
    .option('--host <address>', t('cli:option.hubHost'), '0.0.0.0')
    .option('--json', t('cli:option.json'))
    .action(async (options: { dir: string; port: string; host: string; json?: boolean }) => {
      const running = await serveHub(options.dir, parsePort(options.port, t), options.host).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliFailure(t('cli:error.portInUse', { port: options.port }));
        throw error;
      });
      context.out(
        options.json
          ? JSON.stringify({ url: running.url, port: running.port })
          : t('cli:hub.serving', { url: running.url, dir: options.dir }),
      );
      await context.untilStopped();
      await running.close();
    });
}

async function readSigner(options: SignerOptions, context: CliContext): Promise<HubSigner> {
  const validDays = Number(options.validDays);
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > 3650)
    throw new CliFailure(context.t('cli:hub.badDays', { value: options.validDays }), 2);
  const key = await readSecretKey(options.key);
  const cert = await readCertificateFile(options.cert ?? options.key.replace(/\.key$/, '') + '.cert');
  return { key, certificate: { text: cert.certificate, signature: cert.signature }, validDays };
}
