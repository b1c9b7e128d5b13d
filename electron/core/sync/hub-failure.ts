import type { MessageParams } from '../contract/api-error';
import { Failure } from '../failure';

export type HubFailureReason =
  /** No network at all: said as "offline", never as an error. */
  | 'offline'
  /** The hub's machine answered nothing (refused, timed out, went away). */
  | 'hubUnreachable'
  | 'notFound'
  | 'serverError'
  /** Something answered, but not with the hub's JSON (a captive portal's HTML page, say). */
  | 'notJson'
  | 'stalled'
  | 'wrongBytes'
  | 'cancelled'
  | 'badUrl';

/** Why talking to the hub failed; message `sync:failure.<reason>`. */
export class HubFailure extends Failure {
  readonly reason: HubFailureReason;

  constructor(reason: HubFailureReason, params: MessageParams = {}) {
    super('unavailable', `sync:failure.${reason}`, { params });
    this.reason = reason;
  }
}
