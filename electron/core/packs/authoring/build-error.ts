import type { MessageParams } from '../../contract/api-error';
import { Failure } from '../../failure';

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
export class BuildError extends Failure {
  readonly reason: BuildReason;

  constructor(reason: BuildReason, params: MessageParams) {
    super('invalid_input', `packs:build.${reason}`, { params });
    this.reason = reason;
  }
}
