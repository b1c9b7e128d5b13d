import type { MessageParams } from '../contract/api-error';
import { Failure } from '../failure';

/** Why a pack was refused; each has a message `packs:refused.<reason>` naming the pack. */
export type RefusalReason =
  | 'fileNotFound'
  | 'archiveUnreadable'
  | 'unsafeEntry'
  | 'symlinkEntry'
  | 'duplicateEntry'
  | 'unexpectedEntry'
  | 'missingEntry'
  | 'documentTooLarge'
  | 'unknownFormat'
  | 'malformedDocument'
  | 'badSignature'
  | 'unknownRoot'
  | 'keyMismatch'
  | 'expiredKey'
  | 'revokedKey'
  | 'prefixNotAllowed'
  | 'rootPrefixNotAllowed'
  | 'rollback'
  | 'sameVersionOtherContent'
  | 'fileTampered'
  | 'fileTooLarge'
  | 'missingFile'
  | 'diskFull'
  | 'storageFailed';

/**
 * A pack that will not be installed (or verified), with the reason and the pack's name.
 * Nothing was changed when this is thrown: the previous version still works. A full or
 * failing disk is the storage's fault, not the pack's, and is coded as such.
 */
export class PackRefusal extends Failure {
  readonly reason: RefusalReason;

  constructor(reason: RefusalReason, params: MessageParams & { pack: string }) {
    super(reason === 'diskFull' || reason === 'storageFailed' ? 'storage_failed' : 'refused', `packs:refused.${reason}`, { params });
    this.reason = reason;
  }

  /** The same refusal, naming the pack better once its manifest has been read. */
  renamed(pack: string): PackRefusal {
    return new PackRefusal(this.reason, { ...this.params, pack });
  }
}
