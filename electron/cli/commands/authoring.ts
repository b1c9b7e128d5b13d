// Authoring commands, for the province's publishers: keys, certificates, revocations, and
// building signed packs. They need no data folder.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { formatBytes } from '../../../shared/format';
import { buildPack } from '../../core/packs/authoring/build-pack';
import { loadGlyphCoverage } from '../../core/packs/authoring/glyph-coverage';
import { readCertificateFile, readPublicKey, readSecretKey, writeJsonFile } from '../../core/packs/authoring/key-files';
import { certifyPublisher, revokeKeys } from '../../core/packs/authoring/sign-documents';
import { generateKey } from '../../core/packs/crypto/ed25519';
import { packIdPrefix, revocationListSchema } from '../../core/packs/format/schemas';
import { writeFileDurably } from '../../core/storage/write-file-durably';
import { CliFailure, type CliContext } from '../cli-context';

export function registerAuthoring(pack: Command, program: Command, context: CliContext): void {
  const { t } = context;
  pack
    .command('keygen')
    .description(t('cli:command.keygen'))
    .requiredOption('--out <name>', t('cli:option.keyOut'))
    .option('--name <text>', t('cli:option.keyName'), '')
    .action(async (options: { out: string; name: string }) => {
      const key = generateKey(options.name.normalize('NFC'));
      await writeJsonFile(`${options.out}.key`, key.secret, { secret: true });
      await writeJsonFile(`${options.out}.pub`, key.public);
      context.out(t('cli:key.generated', { keyId: key.public.keyId, secret: `${options.out}.key`, public: `${options.out}.pub` }));
    });

  pack
    .command('build')
    .description(t('cli:command.build'))
    .argument('<source>', t('cli:argument.sourceDir'))
    .requiredOption('--key <file>', t('cli:option.publisherKey'))
    .option('--cert <file>', t('cli:option.cert'))
    .option('--revocations <dir>', t('cli:option.revocations'))
    .requiredOption('--out <file>', t('cli:option.outPack'))
    .option('--json', t('cli:option.json'))
    .action(async (source: string, options: { key: string; cert?: string; revocations?: string; out: string; json?: boolean }) => {
      const key = await readSecretKey(options.key);
      const certFile = options.cert ?? options.key.replace(/\.key$/, '') + '.cert';
      const cert = await readCertificateFile(certFile);
      const revocations = options.revocations
        ? {
            bytes: await readFile(path.join(options.revocations, 'revocations.json')),
            signature: await readFile(path.join(options.revocations, 'revocations.sig')),
          }
        : undefined;
      const result = await buildPack({
        sourceDir: source,
        key,
        certificate: { text: cert.certificate, signature: cert.signature },
        out: options.out,
        glyphs: loadGlyphCoverage(path.join(context.resourcesDir, 'fonts')),
        ...(revocations ? { revocations } : {}),
      });
      const line = {
        id: result.manifest.id,
        version: result.manifest.version,
        items: result.manifest.items.length,
        files: result.files,
        bytes: result.bytes,
        out: path.resolve(options.out),
      };
      context.out(
        options.json ? JSON.stringify(line) : t('cli:build.done', { ...line, size: formatBytes(result.bytes, context.language) }),
      );
    });

  const key = program.command('key').description(t('cli:command.key'));
  key
    .command('sign-publisher')
    .description(t('cli:command.signPublisher'))
    .requiredOption('--root <file>', t('cli:option.rootKey'))
    .requiredOption('--publisher <file>', t('cli:option.publisherPub'))
    .requiredOption('--prefix <prefix...>', t('cli:option.prefix'))
    .requiredOption('--expires <date>', t('cli:option.expires'))
    .option('--name <text>', t('cli:option.publisherName'))
    .requiredOption('--out <file>', t('cli:option.certOut'))
    .action(async (options: { root: string; publisher: string; prefix: string[]; expires: string; name?: string; out: string }) => {
      const root = await readSecretKey(options.root);
      const publisher = await readPublicKey(options.publisher);
      for (const prefix of options.prefix)
        if (!packIdPrefix.safeParse(prefix).success) throw new CliFailure(t('cli:key.badPrefix', { prefix }), 2);
      const expiresAt = new Date(options.expires);
      if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= Date.now())
        throw new CliFailure(t('cli:key.badExpiry', { value: options.expires }), 2);
      // A certificate always names its holder; a key made without a name is named by its id.
      const name = (options.name ?? publisher.name).trim() || publisher.keyId;
      const signed = certifyPublisher(root, publisher, { prefixes: options.prefix, name: { vi: name }, issuedAt: new Date(), expiresAt });
      await writeJsonFile(options.out, { format: 'chieng-cert/1', certificate: signed.text, signature: signed.signature });
      context.out(
        t('cli:key.certified', {
          keyId: publisher.keyId,
          prefixes: options.prefix.join(', '),
          expires: expiresAt.toISOString().slice(0, 10),
          out: options.out,
        }),
      );
    });
  key
    .command('revoke')
    .description(t('cli:command.revoke'))
    .argument('<keyIds...>', t('cli:argument.keyIds'))
    .requiredOption('--root <file>', t('cli:option.rootKey'))
    .requiredOption('--out <dir>', t('cli:option.revocationsOut'))
    .option('--previous <dir>', t('cli:option.previousRevocations'))
    .option('--reason <text>', t('cli:option.reason'))
    .action(async (keyIds: string[], options: { root: string; out: string; previous?: string; reason?: string }) => {
      const root = await readSecretKey(options.root);
      const previous = options.previous
        ? revocationListSchema.parse(JSON.parse(await readFile(path.join(options.previous, 'revocations.json'), 'utf8')))
        : undefined;
      const signed = revokeKeys(root, previous, keyIds, options.reason, new Date());
      await mkdir(options.out, { recursive: true });
      await writeFileDurably(path.join(options.out, 'revocations.json'), signed.text);
      await writeFileDurably(path.join(options.out, 'revocations.sig'), `${JSON.stringify(signed.signature)}\n`);
      context.out(t('cli:key.revoked', { count: keyIds.length, out: options.out }));
    });
}
