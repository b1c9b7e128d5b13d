// `chieng pack verify`: the whole chain and every file's hash, installing nothing.
import { createHash } from 'node:crypto';
import { openPackArchive } from '../archive/pack-archive-reader';
import { archiveNames } from '../archive/pack-archive-writer';
import { PackRefusal } from '../pack-refusal';
import type { TrustService } from '../trust/trust-service';
import { checkEntryNames, expectedObjects, readSignedPack, type SignedPack } from './read-signed-pack';

export async function verifyPackFile(trust: TrustService, file: string, label: string): Promise<SignedPack> {
  const archive = await openPackArchive(file, label);
  try {
    const pack = await readSignedPack(archive, trust, label);
    const name = pack.manifest.title.vi ?? pack.manifest.id;
    const objects = expectedObjects(pack);
    try {
      checkEntryNames(archive, objects, name);
    } catch (error) {
      throw error instanceof PackRefusal ? error.renamed(name) : error;
    }
    for (const [sha256, { size, path }] of objects) {
      const entry = `${archiveNames.objectPrefix}${sha256}`;
      if (!archive.names.has(entry)) throw new PackRefusal('missingFile', { pack: name, path });
      const stream = await archive.openExact(entry, size, () => new PackRefusal('fileTooLarge', { pack: name, path }));
      const hash = createHash('sha256');
      for await (const chunk of stream) hash.update(chunk as Buffer);
      if (hash.digest('hex') !== sha256) throw new PackRefusal('fileTampered', { pack: name, path });
    }
    return pack;
  } finally {
    archive.close();
  }
}
