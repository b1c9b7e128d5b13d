// Brings the files a prepared install needs from the hub into its staging: a first install of
// many files as one bundle, everything else (an update, what a bundle did not bring, what a
// stopped sync began) file by file, resuming parts an earlier sync left. Each file is checked
// against its signed hash before the install adopts it.
import { mkdir, rm } from 'node:fs/promises';
import { hubPaths } from '../packs/format/catalog';
import { eachLimited, storageRefusal, type PreparedInstall } from '../packs/install/install-signed-pack';
import { expectedObjects, type SignedPack } from '../packs/install/read-signed-pack';
import { hashOfFile } from '../storage/file-hash';
import { openDownloadsFolder, type HeldDownloads } from './downloads-folder';
import type { HubBundles } from './hub-bundle';
import type { HubDownloads } from './hub-downloads';
import type { RunProgress } from './sync-progress';

export interface PackHub {
  readonly files: HubDownloads;
  readonly bundles: HubBundles;
}

/** A first install of at least this many files comes as one bundle, not one request per file. */
const bundleMinFiles = 32;
/**
 * Files fetched side by side. Over a mobile link each request waits a round trip before its
 * first byte: with several in flight, one file's wait overlaps the others' transfer. As many
 * as the kept-alive connections http-get allows.
 */
const filesAtOnce = 6;

/** Downloads every file `prepared` needs and adopts it; throws a PackRefusal for the disk's failures. */
export async function downloadPack(
  hub: PackHub,
  downloadsDir: string,
  pack: SignedPack,
  prepared: PreparedInstall,
  progress: RunProgress,
): Promise<void> {
  const name = pack.manifest.title.vi ?? pack.manifest.id;
  try {
    await fetchInto(hub, downloadsDir, pack, prepared, progress);
  } catch (error) {
    throw storageRefusal(error, name);
  } finally {
    progress.flush();
  }
}

async function fetchInto(hub: PackHub, downloadsDir: string, pack: SignedPack, prepared: PreparedInstall, progress: RunProgress) {
  const downloads = openDownloadsFolder(downloadsDir);
  await mkdir(downloadsDir, { recursive: true });
  let held: HeldDownloads = await downloads.held();
  const files = [...expectedObjects(pack)].map(([sha256, { size }]) => ({
    sha256,
    size,
    part: downloads.partOf(sha256),
    whole: downloads.wholeOf(sha256),
  }));
  // Worth it for a first install of many files: one request instead of one per file. An
  // update, or a pack an earlier sync began, goes file by file, fetching only what is missing.
  const bundled =
    files.length >= bundleMinFiles &&
    prepared.needed.length === files.length &&
    !files.some((file) => held.parts.has(file.sha256) || held.wholes.has(file.sha256));
  let complete: ReadonlySet<string> = new Set<string>();
  if (bundled) {
    const outcome = await hub.bundles.downloadBundle(hubPaths.bundle(pack.manifest.id, pack.manifest.version), files, {
      onBytes: (count) => progress.received(count),
      onFile: () => progress.fileDone(),
    });
    complete = outcome.complete;
    // Whatever the bundle did not bring (an older hub has none; a cut line) comes file by file.
    if (outcome.failure) held = await downloads.held();
  }

  await eachLimited(prepared.needed, filesAtOnce, async (object) => {
    const { sha256, size } = object;
    const whole = downloads.wholeOf(sha256);
    if (complete.has(sha256)) return prepared.adopt(object, whole);
    // A whole file a stopped sync brought: checked again before it counts.
    if (held.wholes.has(sha256)) {
      if ((await hashOfFile(whole)).digest('hex') === sha256) {
        progress.held(size);
        progress.fileDone();
        return prepared.adopt(object, whole);
      }
      await rm(whole, { force: true });
    }
    const part = downloads.partOf(sha256);
    await hub.files.download(
      { path: hubPaths.object(sha256), part, size, sha256, held: held.parts.get(sha256) ?? 0 },
      {
        // What an earlier, stopped sync already brought is done, not downloaded again (nor
        // counted twice, when the bundle just brought it and counted it as it came).
        onHeld: (count) => {
          if (!bundled) progress.held(count);
        },
        onBytes: (count) => progress.received(count),
      },
    );
    progress.fileDone();
    return prepared.adopt(object, part);
  });
}
