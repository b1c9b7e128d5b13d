import type { MessageParams } from '../contract/api-error';

export type DataDirErrorCode = 'data_dir_locked' | 'data_dir_read_only' | 'data_dir_unusable';

/** The data folder cannot be used: said in the user's language by whoever shows it. */
export class DataDirError extends Error {
  readonly code: DataDirErrorCode;
  readonly messageKey: string;
  readonly params: MessageParams;

  constructor(code: DataDirErrorCode, messageKey: string, params: MessageParams) {
    super(`${code}: ${JSON.stringify(params)}`);
    this.name = 'DataDirError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
  }
}
