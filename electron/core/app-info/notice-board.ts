import type { MessageParams } from '../contract/api-error';
import type { Notice } from '../contract/app-info';

/** What happened that the user must hear about (a damaged file moved aside, …), at start or later. */
export class NoticeBoard {
  readonly #notices: Notice[] = [];
  readonly #onPost: (notice: Notice) => void;

  /** `onPost` hears of notices posted after start (a logbook month read later, say). */
  constructor(onPost: (notice: Notice) => void = () => undefined) {
    this.#onPost = onPost;
  }

  post(messageKey: string, params: MessageParams): void {
    const notice = { id: `${this.#notices.length + 1}`, messageKey, params, at: new Date().toISOString() };
    this.#notices.push(notice);
    this.#onPost(notice);
  }

  list(): Notice[] {
    return [...this.#notices];
  }
}
