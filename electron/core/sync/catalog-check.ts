// What the hub offers, in two steps. Reading fetches the signed catalog and the revocation
// lists (side by side: one round trip over a mobile link), checks them and records the
// catalog's withdrawals. Judging says, for each pack the catalog names, what this laptop
// needs, fetching the signed documents of the packs it lacks the first time only: a reading
// keeps them (pinned by the catalog's manifest hashes), so judging it again after a sync
// (the new state the screen shows) asks the hub for nothing.
import { createHash } from 'node:crypto';
import type { AvailablePack, SyncCheck } from '../contract/sync';
import { archiveNames } from '../packs/archive/pack-archive-writer';
import { hubPaths, type Catalog } from '../packs/format/catalog';
import { planInstall, type InstallPlan, type InstallServices } from '../packs/install/install-signed-pack';
import type { StoredDocuments } from '../packs/install/installed-packs';
import { verifySignedDocuments, type SignedPack } from '../packs/install/read-signed-pack';
import { PackRefusal } from '../packs/pack-refusal';
import { noteSignedTime } from '../packs/trust/trust-service';
import { verifyCatalog } from '../packs/trust/verify-catalog';
import type { SignedDocument } from '../packs/trust/verify-chain';
import { HubFailure } from './hub-failure';
import type { HubDocuments } from './hub-documents';

/** One reading of a hub's catalog, kept so that a sync acts on exactly what was shown. */
export interface CatalogReading {
  readonly hubUrl: string;
  /** SHA-256 of the signed catalog document judged. */
  readonly catalogSha256: string;
  readonly summary: SyncCheck['catalog'];
  /** The catalog, when the laptop acts on it (status `ok`); else nothing is offered. */
  readonly catalog: Catalog | undefined;
  /** Signed documents fetched for packs of this catalog, by manifest SHA-256; checked each time they are judged. */
  readonly documents: Map<string, StoredDocuments>;
  /** When it was read (`performance.now()`, not the trust clock, which tests move). */
  readonly readAt: number;
}

/** A pack this laptop lacks or has older, verified and planned. */
export interface Candidate {
  readonly pack: SignedPack;
  readonly plan: Extract<InstallPlan, { kind: 'install' }>;
  readonly entry: Catalog['packs'][number];
}

export interface Judged {
  readonly check: SyncCheck;
  readonly candidates: Map<string, Candidate>;
}

const maxCatalogBytes = 32 * 1024 * 1024;
const maxDocumentBytes = 8 * 1024 * 1024;

/**
 * Fetches and checks the catalog, records its withdrawals. The signed documents `earlier`
 * fetched for packs this catalog still names (by manifest hash) are kept, not fetched again.
 */
export async function readCatalog(
  services: InstallServices,
  hub: HubDocuments,
  hubUrl: string,
  earlier?: CatalogReading,
): Promise<CatalogReading> {
  const { trust } = services;
  const roots = trust.roots();
  // Side by side: each would otherwise wait a round trip of its own. Failures are taken in
  // order, the catalog's first, once all have settled.
  const fetched = await Promise.allSettled([
    hub.getText(hubPaths.catalog, maxCatalogBytes),
    ...roots.map((root) => fetchRevocations(hub, root.keyId)),
  ]);
  for (const each of fetched) if (each.status === 'rejected') throw each.reason;
  const [text, ...lists] = fetched.map((each) => (each as PromiseFulfilledResult<unknown>).value) as [
    string,
    ...(SignedDocument | undefined)[],
  ];
  // Revocations first, as from a pack file: a key revoked since is judged revoked now. Each
  // list is signed by its root, so whoever serves it, only a newer valid list counts.
  for (const [index, list] of lists.entries()) {
    const root = roots[index];
    if (list && root) await trust.acceptRevocations(list, hubPaths.revocations(root.keyId, archiveNames.revocations));
  }

  const verified = verifyCatalog(text, trust.roots(), trust.state(), trust.now());
  const { catalog } = verified;
  const catalogSha256 = createHash('sha256').update(verified.document).digest('hex');
  const known = trust.state().catalog;
  const status: SyncCheck['catalog']['status'] =
    known && catalog.version < known.version
      ? 'stale'
      : known && catalog.version === known.version && known.documentSha256 !== catalogSha256
        ? 'replayed'
        : Date.parse(catalog.expiresAt) < trust.now().getTime()
          ? 'expired'
          : 'ok';
  const summary = {
    status,
    version: catalog.version,
    knownVersion: known?.version ?? null,
    issuedAt: catalog.issuedAt,
    expiresAt: catalog.expiresAt,
  };
  const readAt = performance.now();
  // A catalog the app will not act on changes nothing: the laptop keeps what it has.
  if (status !== 'ok') return { hubUrl, catalogSha256, summary, catalog: undefined, documents: new Map(), readAt };

  await trust.update((data) => {
    data.catalog = {
      hubKeyId: catalog.hubKeyId,
      version: catalog.version,
      documentSha256: catalogSha256,
      issuedAt: catalog.issuedAt,
      expiresAt: catalog.expiresAt,
      fetchedAt: services.clock().toISOString(),
    };
    data.withdrawn = catalog.withdrawn.map(({ packId, itemId, reason, at }) => ({
      packId,
      ...(itemId ? { itemId } : {}),
      ...(reason ? { reason } : {}),
      at,
    }));
    noteSignedTime(data, catalog.issuedAt);
  });
  const named = new Set(catalog.packs.map((entry) => entry.manifestSha256));
  const documents = new Map(earlier?.hubUrl === hubUrl ? [...earlier.documents].filter(([sha256]) => named.has(sha256)) : []);
  return { hubUrl, catalogSha256, summary, catalog, documents, readAt };
}

/**
 * Each pack of the catalog: withdrawn, older or current here, or new or an update (then
 * verified against today's trust and planned). Fetches the signed documents of the packs
 * that need them unless the reading holds them already.
 */
export async function judgeCatalog(services: InstallServices, hub: HubDocuments, reading: CatalogReading): Promise<Judged> {
  const { catalog } = reading;
  const check = { catalog: reading.summary, catalogSha256: reading.catalogSha256 };
  if (!catalog) return { check: { ...check, packs: [] }, candidates: new Map() };

  const judged = await Promise.all(
    catalog.packs.map(async (entry) => {
      const installed = await services.installed.pointer(entry.id);
      const state: AvailablePack['state'] | undefined = catalog.withdrawn.some((each) => each.packId === entry.id && !each.itemId)
        ? 'withdrawn'
        : installed && installed.version > entry.version
          ? 'older'
          : installed && installed.version === entry.version
            ? 'current'
            : undefined;
      return { entry, installed, state };
    }),
  );
  // The documents of every pack still to judge, side by side: one round trip, not one per pack.
  await Promise.all(
    judged.map(async ({ entry, state }) => {
      if (state || reading.documents.has(entry.manifestSha256)) return;
      reading.documents.set(entry.manifestSha256, await fetchPackDocuments(hub, entry));
    }),
  );

  const packs: AvailablePack[] = [];
  const candidates = new Map<string, Candidate>();
  for (const { entry, installed, state } of judged) {
    const base = {
      id: entry.id,
      title: entry.title,
      version: entry.version,
      installedVersion: installed?.version ?? null,
      totalBytes: entry.totalBytes,
      fileCount: entry.fileCount,
    };
    if (state) {
      packs.push({ ...base, state, downloadBytes: 0 });
      continue;
    }
    const documents = reading.documents.get(entry.manifestSha256);
    if (!documents) throw new Error(`no signed documents for ${entry.id}`);
    const pack = verifySignedPack(services, entry, documents);
    const plan = await planInstall(services, pack);
    if (plan.kind === 'unchanged') {
      packs.push({ ...base, state: 'current', downloadBytes: 0 });
      continue;
    }
    candidates.set(entry.id, { pack, plan, entry });
    packs.push({
      ...base,
      state: installed ? 'update' : 'new',
      downloadBytes: plan.needed.reduce((sum, object) => sum + object.size, 0),
    });
  }
  return { check: { ...check, packs }, candidates };
}

/** A root's revocation list and its signature, fetched side by side; nothing if the hub has none. */
async function fetchRevocations(hub: HubDocuments, rootKeyId: string): Promise<SignedDocument | undefined> {
  const get = (name: string) => hub.getBytes(hubPaths.revocations(rootKeyId, name), maxDocumentBytes);
  const [list, signature] = await Promise.allSettled([get(archiveNames.revocations), get(archiveNames.revocationsSignature)]);
  if (list.status === 'rejected') {
    if (list.reason instanceof HubFailure && list.reason.reason === 'notFound') return undefined;
    throw list.reason;
  }
  if (signature.status === 'rejected') throw signature.reason;
  return { bytes: list.value, signature: signature.value };
}

/** A pack's four signed documents from the hub, side by side. */
async function fetchPackDocuments(hub: HubDocuments, entry: Catalog['packs'][number]): Promise<StoredDocuments> {
  const get = (name: string) => hub.getBytes(hubPaths.packDocument(entry.id, entry.version, name), maxDocumentBytes);
  const [manifest, manifestSignature, publisher, publisherSignature] = await Promise.all([
    get(archiveNames.manifest),
    get(archiveNames.manifestSignature),
    get(archiveNames.publisher),
    get(archiveNames.publisherSignature),
  ]);
  return { manifest, manifestSignature, publisher, publisherSignature };
}

/** A pack's signed documents checked like an archive's, and against the catalog's entry. */
function verifySignedPack(services: InstallServices, entry: Catalog['packs'][number], documents: StoredDocuments): SignedPack {
  const label = entry.title.vi ?? entry.id;
  const verified = verifySignedDocuments(services.trust, documents, label);
  if (
    verified.manifestSha256 !== entry.manifestSha256 ||
    verified.manifest.id !== entry.id ||
    verified.manifest.version !== entry.version
  ) {
    throw new PackRefusal('keyMismatch', { pack: label, document: archiveNames.manifest });
  }
  return verified;
}
