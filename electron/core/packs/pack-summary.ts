import type { PackSummary } from '../contract/packs';
import type { Manifest } from './format/schemas';
import type { PackPointer } from './install/installed-packs';
import type { TrustedRoot } from './trust/root-keys';
import type { PublisherCertificate } from './format/schemas';

export interface InstalledPack {
  readonly pointer: PackPointer;
  readonly manifest: Manifest;
  readonly certificate: PublisherCertificate;
  /** Undefined when the root that vouched for it is no longer trusted here. */
  readonly root: TrustedRoot | undefined;
  readonly revoked: boolean;
}

/** What the UI shows about an installed pack: where it comes from, whether it still holds. */
export interface Withdrawal {
  readonly packId: string;
  readonly itemId?: string;
  readonly reason?: string;
  readonly at: string;
}

export function summarise(
  pack: InstalledPack,
  now: Date,
  sizes: { diskBytes: number; sharedBytes: number },
  withdrawals: readonly Withdrawal[],
): PackSummary {
  const { manifest, certificate, root } = pack;
  const languages = [...new Set(manifest.items.flatMap((item) => item.languages))].sort();
  const kinds: Record<string, number> = {};
  for (const item of manifest.items) kinds[item.kind] = (kinds[item.kind] ?? 0) + 1;
  const trust = pack.revoked ? 'revoked' : root ? 'ok' : 'untrusted';
  return {
    id: manifest.id,
    version: manifest.version,
    title: manifest.title,
    ...(manifest.description ? { description: manifest.description } : {}),
    publisher: { keyId: certificate.keyId, name: certificate.name },
    root: { keyId: certificate.rootKeyId, name: root?.name ?? {}, role: root?.role ?? 'demo' },
    official: trust === 'ok' && root?.role === 'official',
    publishedAt: manifest.publishedAt,
    expiresAt: manifest.expiresAt,
    expired: now.getTime() > Date.parse(manifest.expiresAt),
    trust,
    installedAt: pack.pointer.installedAt,
    withdrawn: whole(withdrawals.find((entry) => entry.packId === manifest.id && !entry.itemId)),
    withdrawnItems: withdrawals
      .filter((entry) => entry.packId === manifest.id && entry.itemId && manifest.items.some((item) => item.id === entry.itemId))
      .map((entry) => entry.itemId ?? ''),
    itemCount: manifest.items.length,
    languages,
    kinds,
    ...sizes,
  };
}

function whole(entry: Withdrawal | undefined): PackSummary['withdrawn'] {
  return entry ? { ...(entry.reason ? { reason: entry.reason } : {}), at: entry.at } : null;
}
