import type { MessageParams } from '../contract/api-error';
import type { Notice } from '../contract/app-info';

/** What happened at start that the user must hear about (a damaged file moved aside, …). */
export class NoticeBoard {
  readonly #notices: Notice[] = [];

  post(messageKey: string, params: MessageParams): void {
    this.#notices.push({ id: `${this.#notices.length + 1}`, messageKey, params, at: new Date().toISOString() });
  }

  list(): Notice[] {
    return [...this.#notices];
  }
}
