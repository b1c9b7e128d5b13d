// Everything the laptop trusts, in one place: roots, revocations, the signed clock and the
// version history of every pack.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from '../../storage/write-file-durably';
import type { RootKey, RevocationList } from '../format/schemas';
import { deleteRoot, readRootsFrom, saveRoot, type TrustedRoot } from './root-keys';
import { effectiveNow, openTrustState, type TrustState, type TrustStateData } from './trust-state';
import { verifyRevocations, type SignedDocument } from './verify-chain';

export interface TrustService {
  roots(): readonly TrustedRoot[];
  state(): TrustStateData;
  now(): Date;
  addRoot(root: RootKey): Promise<void>;
  removeRoot(keyId: string): Promise<boolean>;
  /** Verifies a revocation list and keeps it if it is newer than the one known; returns whether it was. */
  acceptRevocations(document: SignedDocument, pack: string): Promise<boolean>;
  /** The raw revocation list kept for a root, to carry onwards in exported packs. */
  revocationDocument(rootKeyId: string): Promise<SignedDocument | undefined>;
  update(change: (data: TrustStateData) => void): Promise<void>;
}

export interface TrustPaths {
  /** Roots built into the app (resources/trust/roots). */
  readonly builtInRoots: string;
  /** The data folder's trust folder: added roots, revocations, state. */
  readonly trustDir: string;
}

export async function openTrustService(
  paths: TrustPaths,
  clock: () => Date,
  onDamaged: (file: string, movedTo: string) => void,
): Promise<TrustService> {
  const addedDir = path.join(paths.trustDir, 'roots');
  const revocationsDir = path.join(paths.trustDir, 'revocations');
  await mkdir(paths.trustDir, { recursive: true });
  const state: TrustState = await openTrustState(paths.trustDir, onDamaged);
  let roots = await loadRoots();

  async function loadRoots(): Promise<TrustedRoot[]> {
    const builtIn = await readRootsFrom(paths.builtInRoots, true);
    const added = (await readRootsFrom(addedDir, false)).filter((root) => !builtIn.some((each) => each.keyId === root.keyId));
    return [...builtIn, ...added];
  }

  return {
    roots: () => roots,
    state: () => state.read(),
    now: () => effectiveNow(state.read(), clock()),
    async addRoot(root) {
      await saveRoot(addedDir, root);
      roots = await loadRoots();
    },
    async removeRoot(keyId) {
      const removed = await deleteRoot(addedDir, keyId);
      roots = await loadRoots();
      return removed;
    },
    async acceptRevocations(document, pack) {
      const list: RevocationList = verifyRevocations(document, roots, pack);
      const known = state.read().revocations[list.rootKeyId];
      if (known && known.version >= list.version) return false;
      await mkdir(revocationsDir, { recursive: true });
      await writeFileDurably(path.join(revocationsDir, `${list.rootKeyId}.json`), document.bytes);
      await writeFileDurably(path.join(revocationsDir, `${list.rootKeyId}.sig`), document.signature);
      await state.update((data) => {
        data.revocations[list.rootKeyId] = {
          version: list.version,
          revoked: list.revoked.map(({ keyId, revokedAt }) => ({ keyId, revokedAt })),
        };
        noteSignedTime(data, list.issuedAt);
      });
      return true;
    },
    async revocationDocument(rootKeyId) {
      try {
        return {
          bytes: await readFile(path.join(revocationsDir, `${rootKeyId}.json`)),
          signature: await readFile(path.join(revocationsDir, `${rootKeyId}.sig`)),
        };
      } catch {
        return undefined;
      }
    },
    update: (change) => state.update(change),
  };
}

/** Moves the signed clock forward (never back) to a time a verified document carries. */
export function noteSignedTime(data: TrustStateData, iso: string): void {
  if (!data.newestSignedTime || Date.parse(iso) > Date.parse(data.newestSignedTime)) data.newestSignedTime = iso;
}
