// What every request to a hub shares, whatever it fetches: the hub's base address, a stall
// guard that gives up on a line gone quiet (or on the person's cancel), and the telling of
// "no network at all" from "the hub is broken" when a request fails.
import { HubFailure } from './hub-failure';
import { httpGet, type HttpAnswer } from './http-get';

export interface HubOptions {
  readonly baseUrl: string;
  /** Give up on a response that sends nothing for this long. */
  readonly stallMs?: number;
  /** How many times a broken download is resumed before giving up. */
  readonly retries?: number;
  readonly signal?: AbortSignal;
}

export interface HubConnection {
  readonly base: URL;
  readonly stallMs: number;
  readonly retries: number;
  readonly signal: AbortSignal | undefined;
  /** A stall guard for one request, tied to the cancel signal. */
  guard(): StallGuard;
  /**
   * One GET, its stall guard running from the start and touched once the answer's head came;
   * the caller touches it as the body arrives and stops it when done.
   */
  request(path: string, headers?: Record<string, string>, compressed?: boolean): Promise<{ response: HttpAnswer; stall: StallGuard }>;
  /** What went wrong, as a HubFailure: a cancel, a stall, no network, an unreachable hub. */
  failure(error: unknown, stall: StallGuard): HubFailure;
}

const offlineCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EAI_NONAME']);

/** Checks the hub's address (http or https only) and opens nothing yet. */
export function openHubConnection(options: HubOptions): HubConnection {
  let base: URL;
  try {
    base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new HubFailure('badUrl', { url: options.baseUrl });
  }
  const stallMs = options.stallMs ?? 30_000;
  const { signal } = options;
  const connection: HubConnection = {
    base,
    stallMs,
    retries: options.retries ?? 5,
    signal,
    guard: () => new StallGuard(stallMs, signal),
    async request(path, headers = {}, compressed = false) {
      if (signal?.aborted) throw new HubFailure('cancelled');
      const stall = connection.guard();
      try {
        const response = await httpGet(new URL(path, base), headers, stall.signal, { compressed });
        stall.touch();
        return { response, stall };
      } catch (error) {
        stall.stop();
        throw connection.failure(error, stall);
      }
    },
    failure: (error, stall) => networkFailure(error, stall, base.host),
  };
  return connection;
}

/** Aborts a request that has gone quiet for too long, or that the person cancelled. */
export class StallGuard {
  readonly #controller = new AbortController();
  readonly #outer: AbortSignal | undefined;
  readonly #timer: NodeJS.Timeout;
  stalled = false;
  cancelled = false;

  constructor(ms: number, outer: AbortSignal | undefined) {
    this.#outer = outer;
    outer?.addEventListener('abort', this.#onCancel, { once: true });
    this.#timer = setTimeout(() => {
      this.stalled = true;
      this.#controller.abort();
    }, ms);
  }

  readonly #onCancel = () => {
    this.cancelled = true;
    this.#controller.abort();
  };

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Bytes arrived: the quiet time starts again (the same timer, pushed back, not a new one per piece). */
  touch(): void {
    this.#timer.refresh();
  }

  stop(): void {
    clearTimeout(this.#timer);
    // Else every request of a sync leaves a listener on its signal (and Node warns of a leak).
    this.#outer?.removeEventListener('abort', this.#onCancel);
  }
}

function networkFailure(error: unknown, stall: StallGuard, host: string): HubFailure {
  if (error instanceof HubFailure) return error;
  if (stall.cancelled) return new HubFailure('cancelled');
  if (stall.stalled) return new HubFailure('stalled', { host });
  const code = errorCode(error);
  if (code && offlineCodes.has(code)) return new HubFailure('offline', { host });
  return new HubFailure('hubUnreachable', { host });
}

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

export function isSuccess(response: HttpAnswer): boolean {
  return response.status >= 200 && response.status < 300;
}

/** A pause that a cancel cuts short. */
export function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    // The listener goes with the pause: one sync makes many pauses and requests on one signal.
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
