// The first half of every import and verification: read the signed documents from an
// archive (small, capped) and check the chain, before a single content entry is touched.
import type { PackArchive } from '../archive/pack-archive-reader';
import { archiveNames } from '../archive/pack-archive-writer';
import { PackRefusal } from '../pack-refusal';
import type { TrustService } from '../trust/trust-service';
import { verifyManifest, verifyPublisher, type SignedDocument, type VerifiedPack } from '../trust/verify-chain';
import type { StoredDocuments } from './installed-packs';

const maxDocumentBytes = 8 * 1024 * 1024;
const maxSignatureBytes = 4 * 1024;

export interface SignedPack extends VerifiedPack {
  readonly documents: StoredDocuments;
}

export async function readSignedPack(archive: PackArchive, trust: TrustService, label: string): Promise<SignedPack> {
  const read = (name: string, max: number) => archive.readSmall(name, max);
  const hasRevocations = archive.names.has(archiveNames.revocations);
  if (hasRevocations !== archive.names.has(archiveNames.revocationsSignature)) {
    throw new PackRefusal('missingEntry', {
      pack: label,
      entry: hasRevocations ? archiveNames.revocationsSignature : archiveNames.revocations,
    });
  }
  if (hasRevocations) {
    const revocations: SignedDocument = {
      bytes: await read(archiveNames.revocations, maxDocumentBytes),
      signature: await read(archiveNames.revocationsSignature, maxSignatureBytes),
    };
    // A newer list from the pack's own root must apply before its publisher is judged.
    await trust.acceptRevocations(revocations, label);
  }
  const documents: StoredDocuments = {
    publisher: await read(archiveNames.publisher, maxDocumentBytes),
    publisherSignature: await read(archiveNames.publisherSignature, maxSignatureBytes),
    manifest: await read(archiveNames.manifest, maxDocumentBytes),
    manifestSignature: await read(archiveNames.manifestSignature, maxSignatureBytes),
  };
  return verifySignedDocuments(trust, documents, label);
}

/** A pack's four signed documents, whatever carried them, checked up the chain to a trusted root. */
export function verifySignedDocuments(trust: TrustService, documents: StoredDocuments, label: string): SignedPack {
  const publisher = verifyPublisher(
    { bytes: documents.publisher, signature: documents.publisherSignature },
    trust.roots(),
    trust.state(),
    trust.now(),
    label,
  );
  const verified = verifyManifest({ bytes: documents.manifest, signature: documents.manifestSignature }, publisher, label);
  return { ...verified, documents };
}

/** The content entries an archive of this manifest must hold: exactly one per distinct file. */
export function expectedObjects(pack: VerifiedPack): Map<string, { size: number; path: string }> {
  const objects = new Map<string, { size: number; path: string }>();
  for (const item of pack.manifest.items) for (const file of item.files) objects.set(file.sha256, { size: file.size, path: file.path });
  return objects;
}

/** Refuses any entry that is neither a signed document nor an object the manifest names. */
export function checkEntryNames(archive: PackArchive, objects: ReadonlyMap<string, unknown>, label: string): void {
  const documents = new Set<string>([
    archiveNames.manifest,
    archiveNames.manifestSignature,
    archiveNames.publisher,
    archiveNames.publisherSignature,
    archiveNames.revocations,
    archiveNames.revocationsSignature,
  ]);
  for (const name of archive.names) {
    if (documents.has(name)) continue;
    const sha256 = name.startsWith(archiveNames.objectPrefix) ? name.slice(archiveNames.objectPrefix.length) : undefined;
    if (!sha256 || !objects.has(sha256)) throw new PackRefusal('unexpectedEntry', { pack: label, entry: name });
  }
}
