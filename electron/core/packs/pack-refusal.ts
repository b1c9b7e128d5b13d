import type { MessageParams } from '../contract/api-error';

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
 * Nothing was changed when this is thrown: the previous version still works.
 */
export class PackRefusal extends Error {
  readonly reason: RefusalReason;
  readonly params: MessageParams;

  constructor(reason: RefusalReason, params: MessageParams & { pack: string }) {
    super(`${reason}: ${JSON.stringify(params)}`);
    this.name = 'PackRefusal';
    this.reason = reason;
    this.params = params;
  }

  get messageKey(): string {
    return `packs:refused.${this.reason}`;
  }

  /** The same refusal, naming the pack better once its manifest has been read. */
  renamed(pack: string): PackRefusal {
    return new PackRefusal(this.reason, { ...this.params, pack });
  }
}
