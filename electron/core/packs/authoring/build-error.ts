import type { MessageParams } from '../../contract/api-error';

export type BuildReason =
  | 'invalidSource'
  | 'missingFile'
  | 'unknownMediaType'
  | 'contentMismatch'
  | 'badLanguage'
  | 'notUtf8'
  | 'leafletInvalid'
  | 'leafletGlyphs'
  | 'certificateMismatch'
  | 'certificateInvalid'
  | 'idNotAllowed';

/** Why `chieng pack build` refused a source folder; message `packs:build.<reason>`. */
export class BuildError extends Error {
  readonly reason: BuildReason;
  readonly params: MessageParams;

  constructor(reason: BuildReason, params: MessageParams) {
    super(`${reason}: ${JSON.stringify(params)}`);
    this.name = 'BuildError';
    this.reason = reason;
    this.params = params;
  }

  get messageKey(): string {
    return `packs:build.${this.reason}`;
  }
}
