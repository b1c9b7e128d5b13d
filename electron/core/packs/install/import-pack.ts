// Installing a pack from a `.chieng` file: the signed documents and the chain first, then
// every file streamed out of the archive, cut at its signed size, hashed into staging.
import { openPackArchive } from '../archive/pack-archive-reader';
import { archiveNames } from '../archive/pack-archive-writer';
import { PackRefusal } from '../pack-refusal';
import { installSignedPack, planInstall, type InstallOutcome, type InstallProgress, type InstallServices } from './install-signed-pack';
import { checkEntryNames, expectedObjects, readSignedPack } from './read-signed-pack';

export type ImportServices = InstallServices;
export type ImportProgress = InstallProgress;
export type ImportOutcome = InstallOutcome;

/** Files up to this size are read in whole; larger ones (videos) stream, so memory stays bounded. */
const wholeFileBytes = 8 * 1024 * 1024;

export async function importPackFile(
  services: ImportServices,
  file: string,
  label: string,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportOutcome> {
  const archive = await openPackArchive(file, label);
  try {
    const pack = await readSignedPack(archive, services.trust, label);
    const name = pack.manifest.title.vi ?? pack.manifest.id;
    try {
      checkEntryNames(archive, expectedObjects(pack), name);
    } catch (error) {
      throw error instanceof PackRefusal ? error.renamed(name) : error;
    }
    const plan = await planInstall(services, pack);
    if (plan.kind === 'unchanged') return plan.outcome;
    for (const object of plan.needed) {
      if (!archive.names.has(`${archiveNames.objectPrefix}${object.sha256}`))
        throw new PackRefusal('missingFile', { pack: name, path: object.path });
    }
    return await installSignedPack(
      services,
      pack,
      plan,
      async (object, staging) => {
        const tooLarge = () => new PackRefusal('fileTooLarge', { pack: name, path: object.path });
        const entry = `${archiveNames.objectPrefix}${object.sha256}`;
        const digest =
          object.size <= wholeFileBytes
            ? await archive.withExact(entry, object.size, tooLarge, (bytes) => staging.receiveBytes(bytes, object.sha256))
            : await staging.receive(await archive.openExact(entry, object.size, tooLarge), object.sha256);
        if (digest !== object.sha256) throw new PackRefusal('fileTampered', { pack: name, path: object.path });
      },
      onProgress,
    );
  } finally {
    archive.close();
  }
}
