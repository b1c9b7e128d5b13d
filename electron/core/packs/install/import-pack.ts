// Installing a pack from a `.chieng` file: the signed documents and the chain first, then
// every file streamed out of the archive, cut at its signed size, hashed into staging, then
// the commit (the same prepare and commit as a sync's).
import { openPackArchive } from '../archive/pack-archive-reader';
import { archiveNames } from '../archive/pack-archive-writer';
import { PackRefusal } from '../pack-refusal';
import {
  eachLimited,
  planInstall,
  prepareInstall,
  type InstallOutcome,
  type InstallProgress,
  type InstallServices,
  storageRefusal,
} from './install-signed-pack';
import { checkEntryNames, expectedObjects, readSignedPack } from './read-signed-pack';

export type ImportServices = InstallServices;
export type ImportProgress = InstallProgress;
export type ImportOutcome = InstallOutcome;

/** Files up to this size are read in whole; larger ones (videos) stream, so memory stays bounded. */
const wholeFileBytes = 8 * 1024 * 1024;
const stagingConcurrency = 3;

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
    const prepared = await prepareInstall(services, pack, plan);
    try {
      let doneBytes = 0;
      let doneFiles = 0;
      // A few files at a time: most of each one's time is the file system creating and
      // writing it, which another file's reading and hashing can overlap.
      await eachLimited(prepared.needed, stagingConcurrency, async (object) => {
        const tooLarge = () => new PackRefusal('fileTooLarge', { pack: name, path: object.path });
        const entry = `${archiveNames.objectPrefix}${object.sha256}`;
        // A read of the archive failing with a system error (a USB stick pulled out) is the
        // disk's failure, as a write's is.
        await (
          object.size <= wholeFileBytes
            ? archive.withExact(entry, object.size, tooLarge, (bytes) => prepared.receiveBytes(object, bytes))
            : archive.openExact(entry, object.size, tooLarge).then((source) => prepared.receive(object, source))
        ).catch((error: unknown) => {
          throw storageRefusal(error, name);
        });
        doneBytes += object.size;
        doneFiles += 1;
        onProgress({ doneBytes, totalBytes: prepared.totalBytes, doneFiles, totalFiles: prepared.needed.length });
      });
    } catch (error) {
      await prepared.discard();
      throw error;
    }
    return await prepared.commit();
  } finally {
    archive.close();
  }
}
