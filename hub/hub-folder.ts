// A hub is a folder of plain static files (see docs/pack-format.md, "The hub layout"), so any
// web server or CDN can serve it. These are the operations that change it: publishing a
// pack and withdrawing outdated guidance, each ending with a new signed catalog.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { MessageParams } from '../electron/core/contract/api-error';
import { Failure } from '../electron/core/failure';
import { openPackArchive } from '../electron/core/packs/archive/pack-archive-reader';
import { archiveNames } from '../electron/core/packs/archive/pack-archive-writer';
import { signBytes } from '../electron/core/packs/crypto/ed25519';
import { catalogFileSchema, catalogSchema, hubPaths, type Catalog, type CatalogFile } from '../electron/core/packs/format/catalog';
import { packFormatVersion, type SecretKeyFile } from '../electron/core/packs/format/schemas';
import { expectedObjects } from '../electron/core/packs/install/read-signed-pack';
import { verifyPackFile } from '../electron/core/packs/install/verify-pack-file';
import { PackRefusal } from '../electron/core/packs/pack-refusal';
import type { TrustService } from '../electron/core/packs/trust/trust-service';
import { writeFileDurably } from '../electron/core/storage/write-file-durably';

export interface HubSigner {
  readonly key: SecretKeyFile;
  readonly certificate: { readonly text: string; readonly signature: CatalogFile['certificate']['signature'] };
  /** How long each catalog stays valid; laptops warn about an expired one. */
  readonly validDays: number;
}

/** Why the hub folder refused a publish or a withdrawal; message `cli:hub.<reason>`. */
export class HubError extends Failure {
  readonly reason: 'catalogDamaged' | 'outsideHubPrefixes' | 'notListed' | 'noSuchItem';

  constructor(reason: HubError['reason'], params: MessageParams) {
    super('refused', `cli:hub.${reason}`, { params });
    this.reason = reason;
  }
}

const dayMs = 24 * 3600_000;

export async function readCatalog(dir: string): Promise<Catalog | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, hubPaths.catalog), 'utf8');
  } catch {
    return undefined;
  }
  const file = catalogFileSchema.safeParse(JSON.parse(text));
  const catalog = file.success ? catalogSchema.safeParse(JSON.parse(file.data.catalog.document)) : undefined;
  if (!catalog?.success) throw new HubError('catalogDamaged', { file: path.join(dir, hubPaths.catalog) });
  return catalog.data;
}

/** Verifies a `.chieng` file fully, then adds it to the hub and lists it in a new catalog. */
export async function publishToHub(
  dir: string,
  file: string,
  trust: TrustService,
  signer: HubSigner,
  now = new Date(),
): Promise<{ catalog: Catalog; added: number }> {
  const pack = await verifyPackFile(trust, file, path.basename(file));
  const { manifest } = pack;
  checkScope(signer, manifest.id);
  const archive = await openPackArchive(file, path.basename(file));
  let added = 0;
  try {
    const docs: [string, Uint8Array][] = [
      [archiveNames.manifest, pack.documents.manifest],
      [archiveNames.manifestSignature, pack.documents.manifestSignature],
      [archiveNames.publisher, pack.documents.publisher],
      [archiveNames.publisherSignature, pack.documents.publisherSignature],
    ];
    // Objects first, documents next, the catalog last: a laptop never sees a listing whose
    // files are not there yet.
    for (const [sha256, { size, path: filePath }] of expectedObjects(pack)) {
      const target = path.join(dir, hubPaths.object(sha256));
      if (await exists(target)) continue;
      const stream = await archive.openExact(
        `${archiveNames.objectPrefix}${sha256}`,
        size,
        () => new PackRefusal('fileTooLarge', { pack: manifest.id, path: filePath }),
      );
      await writeVerified(stream, target, sha256, () => new PackRefusal('fileTampered', { pack: manifest.id, path: filePath }));
      added += 1;
    }
    await writeBundle(dir, hubPaths.bundle(manifest.id, manifest.version), [...expectedObjects(pack).keys()]);
    for (const [name, bytes] of docs) {
      const target = path.join(dir, hubPaths.packDocument(manifest.id, manifest.version, name));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFileDurably(target, bytes);
    }
    if (archive.names.has(archiveNames.revocations)) {
      const rootKeyId = pack.publisher.root.keyId;
      for (const name of [archiveNames.revocations, archiveNames.revocationsSignature]) {
        const target = path.join(dir, hubPaths.revocations(rootKeyId, name));
        await mkdir(path.dirname(target), { recursive: true });
        await writeFileDurably(target, await archive.readSmall(name, 8 * 1024 * 1024));
      }
    }
  } finally {
    archive.close();
  }
  const objects = expectedObjects(pack);
  const entry: Catalog['packs'][number] = {
    id: manifest.id,
    version: manifest.version,
    manifestSha256: pack.manifestSha256,
    title: manifest.title,
    publishedAt: manifest.publishedAt,
    totalBytes: [...objects.values()].reduce((sum, object) => sum + object.size, 0),
    fileCount: objects.size,
  };
  const catalog = await writeCatalog(dir, signer, now, (previous) => ({
    packs: [...previous.packs.filter((each) => each.id !== manifest.id), entry].sort((a, b) => a.id.localeCompare(b.id)),
    withdrawn: previous.withdrawn,
  }));
  return { catalog, added };
}

/** Marks a pack, or one of its items, as withdrawn: laptops show it so even offline. */
export async function withdrawFromHub(
  dir: string,
  signer: HubSigner,
  packId: string,
  itemId: string | undefined,
  reason: string | undefined,
  now = new Date(),
): Promise<Catalog> {
  checkScope(signer, packId);
  const current = await readCatalog(dir);
  if (!current?.packs.some((pack) => pack.id === packId)) throw new HubError('notListed', { id: packId });
  if (itemId) {
    const listed = current.packs.find((pack) => pack.id === packId);
    const manifest = JSON.parse(
      await readFile(path.join(dir, hubPaths.packDocument(packId, listed?.version ?? 0, archiveNames.manifest)), 'utf8'),
    ) as { items: { id: string }[] };
    if (!manifest.items.some((item) => item.id === itemId)) throw new HubError('noSuchItem', { id: packId, item: itemId });
  }
  return writeCatalog(dir, signer, now, (previous) => ({
    packs: previous.packs,
    withdrawn: [
      ...previous.withdrawn.filter((entry) => !(entry.packId === packId && entry.itemId === itemId)),
      { packId, ...(itemId ? { itemId } : {}), ...(reason ? { reason: reason.normalize('NFC') } : {}), at: now.toISOString() },
    ],
  }));
}

async function writeCatalog(
  dir: string,
  signer: HubSigner,
  now: Date,
  change: (previous: Pick<Catalog, 'packs' | 'withdrawn'>) => Pick<Catalog, 'packs' | 'withdrawn'>,
): Promise<Catalog> {
  const previous = await readCatalog(dir);
  const next: Catalog = {
    type: 'chieng-catalog',
    format: packFormatVersion,
    hubKeyId: signer.key.keyId,
    version: (previous?.version ?? 0) + 1,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + signer.validDays * dayMs).toISOString(),
    ...change(previous ?? { packs: [], withdrawn: [] }),
  };
  const document = `${JSON.stringify(next, null, 2)}\n`;
  const file: CatalogFile = {
    format: 'chieng-catalog-file/1',
    catalog: { document, signature: signBytes(Buffer.from(document, 'utf8'), signer.key) },
    certificate: { document: signer.certificate.text, signature: signer.certificate.signature },
  };
  await mkdir(dir, { recursive: true });
  // One file replaced at once: a laptop reading mid-publish sees the old catalog or the new.
  await writeFileDurably(path.join(dir, hubPaths.catalog), `${JSON.stringify(file)}\n`);
  return next;
}

function checkScope(signer: HubSigner, packId: string): void {
  const prefixes = (JSON.parse(signer.certificate.text) as { prefixes: string[] }).prefixes;
  if (!prefixes.some((prefix) => packId.startsWith(prefix)))
    throw new HubError('outsideHubPrefixes', { id: packId, prefixes: prefixes.join(', ') });
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

/**
 * The pack's files end to end, copied from the hub's own (verified) objects, written under a
 * temporary name and renamed, so a laptop never fetches half a bundle as if it were whole.
 */
async function writeBundle(dir: string, bundlePath: string, sha256s: readonly string[]): Promise<void> {
  const target = path.join(dir, bundlePath);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.part`;
  try {
    await pipeline(async function* () {
      for (const sha256 of sha256s) yield* createReadStream(path.join(dir, hubPaths.object(sha256)));
    }, createWriteStream(temp));
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function writeVerified(source: NodeJS.ReadableStream, target: string, sha256: string, tampered: () => Error): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.part`;
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, hashing, createWriteStream(temp));
    if (hash.digest('hex') !== sha256) throw tampered();
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
