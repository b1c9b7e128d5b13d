import type { MessageParams } from '../contract/api-error';
import { Failure } from '../failure';

export type DataDirReason = 'locked' | 'readOnly' | 'unusable';

/**
 * The data folder cannot be used: said in the user's language by whoever shows it (the
 * desktop app's start dialog, the CLI). Another program holding it is a wait; a folder
 * that cannot be written is the disk's matter.
 */
export class DataDirError extends Failure {
  readonly reason: DataDirReason;

  constructor(reason: DataDirReason, params: MessageParams) {
    super(reason === 'locked' ? 'unavailable' : 'storage_failed', `errors:dataDir.${reason}`, { params });
    this.reason = reason;
  }
}
