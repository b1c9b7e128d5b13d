// Talking to a hub over HTTP, as a commune's mobile connection allows: small documents in
// one piece, files resumed with byte ranges after a dropped connection, a stalled stream
// given up on, and "no network at all" told apart from "the hub is broken".
import { createHash, type Hash } from 'node:crypto';
import { rm, stat, truncate } from 'node:fs/promises';
import { hashOfFile } from '../storage/file-hash';
import { HubFailure } from './hub-failure';
import { httpGet, type HttpAnswer } from './http-get';
import { PartWriter } from './part-writer';
import { streamedGet } from './streamed-get';

export interface HubClientOptions {
  readonly baseUrl: string;
  /** Give up on a response that sends nothing for this long. */
  readonly stallMs?: number;
  /** How many times a broken download is resumed before giving up. */
  readonly retries?: number;
  readonly signal?: AbortSignal;
}

export interface DownloadFile {
  readonly path: string;
  readonly part: string;
  readonly size: number;
  readonly sha256: string;
  /**
   * What `part` holds already, if the caller knows (one listing of the downloads folder costs
   * less than a look per file); else the download looks.
   */
  readonly held?: number;
}

/**
 * One file of a bundle, in bundle order. It goes to `whole` once it arrived whole and right
 * (its folder made if missing), and to `part` as far as it got if the stream stops in it.
 */
export interface BundleFile {
  readonly sha256: string;
  readonly size: number;
  readonly part: string;
  readonly whole: string;
}

export interface BundleOutcome {
  /** The files that arrived whole, with the signed hash, at their `whole` paths. */
  readonly complete: ReadonlySet<string>;
  /** Why the bundle stopped early, if it did; what arrived of a cut file stays in its part. */
  readonly failure?: HubFailure;
}

export interface BundleProgress {
  readonly onBytes: (count: number) => void;
  /** A file arrived whole and right. */
  readonly onFile: () => void;
}

export interface DownloadProgress {
  readonly onHeld: (count: number) => void;
  readonly onBytes: (count: number) => void;
}

export interface HubClient {
  getText(path: string, maxBytes: number): Promise<string>;
  getBytes(path: string, maxBytes: number): Promise<Buffer>;
  /**
   * Fetches `path` into `part`, continuing from whatever `part` already holds, until it has
   * `size` bytes whose SHA-256 is `sha256`. `onHeld` hears once what an earlier sync left in
   * `part`; `onBytes` hears of every byte received.
   */
  download(file: DownloadFile, progress: DownloadProgress): Promise<void>;
  /**
   * Streams a bundle (files end to end, cut by the signed sizes in `files`) and writes each
   * file to its place, checking its hash. Stops at the first problem and says why, so
   * the caller fetches the rest file by file; only a cancel throws.
   */
  downloadBundle(path: string, files: readonly BundleFile[], progress: BundleProgress): Promise<BundleOutcome>;
}

const offlineCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EAI_NONAME']);

export function openHubClient(options: HubClientOptions): HubClient {
  let base: URL;
  try {
    base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new HubFailure('badUrl', { url: options.baseUrl });
  }
  const stallMs = options.stallMs ?? 30_000;
  const retries = options.retries ?? 5;
  /** One request, with a stall timer that restarts whenever bytes arrive. */
  async function request(
    path: string,
    headers: Record<string, string> = {},
    compressed = false,
  ): Promise<{ response: HttpAnswer; stall: StallGuard }> {
    if (options.signal?.aborted) throw new HubFailure('cancelled');
    const stall = new StallGuard(stallMs, options.signal);
    try {
      const response = await httpGet(new URL(path, base), headers, stall.signal, { compressed });
      stall.touch();
      return { response, stall };
    } catch (error) {
      stall.stop();
      throw networkFailure(error, stall, base.host);
    }
  }

  async function readLimited(path: string, maxBytes: number, json: boolean): Promise<Buffer> {
    // Documents may come gzipped (a manifest shrinks several times); the signatures are
    // checked on the bytes after decompressing, which are the signed ones.
    const { response, stall } = await request(path, {}, true);
    try {
      if (response.status === 404) throw new HubFailure('notFound', { path });
      if (!isSuccess(response)) throw new HubFailure('serverError', { status: response.status, path });
      const type = response.header('content-type') ?? '';
      if (json && /text\/html/i.test(type)) throw new HubFailure('notJson', { path });
      if (!/^(|identity|gzip|x-gzip|deflate)$/i.test((response.header('content-encoding') ?? '').trim()))
        throw new HubFailure('notJson', { path });
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of response.body) {
        stall.touch();
        total += (chunk as Buffer).length;
        if (total > maxBytes) throw new HubFailure('notJson', { path });
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    } catch (error) {
      throw error instanceof HubFailure ? error : networkFailure(error, stall, base.host);
    } finally {
      stall.stop();
      // An answer not read to its end holds its connection: let it go.
      response.release();
    }
  }

  return {
    async getText(path, maxBytes) {
      const text = (await readLimited(path, maxBytes, true)).toString('utf8');
      // A portal or proxy answering with its own page instead of the hub's JSON.
      if (!/^\s*[[{]/.test(text)) throw new HubFailure('notJson', { path });
      return text;
    },
    getBytes: (path, maxBytes) => readLimited(path, maxBytes, false),

    async downloadBundle(path, files, { onBytes, onFile }) {
      const complete = new Set<string>();
      const total = files.reduce((sum, file) => sum + file.size, 0);
      const stall = new StallGuard(stallMs, options.signal);
      // Writes go to the writer thread in order, without waiting for each: a file's later
      // pieces follow its first, and the stream is held up only when many are pending.
      const writes: Promise<void>[] = [];
      const wrote = (write: Promise<void> | undefined) => write && writes.push(write);
      let index = 0;
      let have = 0;
      let hash = createHash('sha256');
      let writer: PartWriter | undefined;
      let received = 0;
      /** Cuts the stream into files by their signed sizes, checking each file's hash. */
      const take = (chunk: Buffer): Promise<void> | undefined => {
        stall.touch();
        let bytes: Buffer = chunk;
        received += bytes.length;
        if (received > total) throw new HubFailure('wrongBytes', { path });
        // Empty files take no bytes: each is done when the stream reaches it.
        for (let file = files[index]; bytes.length > 0 || file?.size === 0; file = files[index]) {
          if (!file) break;
          writer ??= new PartWriter(file.part, true);
          const piece = bytes.subarray(0, file.size - have);
          bytes = bytes.subarray(piece.length);
          have += piece.length;
          hash.update(piece);
          wrote(writer.add(piece));
          onBytes(piece.length);
          if (have < file.size) continue;
          if (hash.digest('hex') !== file.sha256) throw new HubFailure('wrongBytes', { path });
          wrote(writer.finish(file.whole));
          complete.add(file.sha256);
          onFile();
          [index, have, hash, writer] = [index + 1, 0, createHash('sha256'), undefined];
        }
        // Held until all but the last few writes are done: a read may bring many files.
        return writes.length >= 16 ? settled(writes.splice(0, writes.length - 8)) : undefined;
      };
      try {
        if (options.signal?.aborted) throw new HubFailure('cancelled');
        await streamedGet(new URL(path, base), stall.signal, {
          onHead({ status }) {
            stall.touch();
            if (status === 404) throw new HubFailure('notFound', { path });
            if (status !== 200) throw new HubFailure('serverError', { status, path });
          },
          onBytes: take,
        });
        if (received < total) throw new HubFailure('hubUnreachable', { host: base.host });
        await settled(writes);
        return { complete };
      } catch (error) {
        // The disk, not the hub: the caller reports it as such (a full disk, say).
        if (error instanceof WriteFailed) {
          await Promise.allSettled(writes);
          throw error.cause;
        }
        const failure = networkFailure(error, stall, base.host);
        // What arrived of the file the line dropped in is kept, for its resume; a file that
        // failed its hash is dropped.
        if (failure.reason !== 'wrongBytes' && have > 0) wrote(writer?.flush());
        await Promise.allSettled(writes);
        if (failure.reason === 'wrongBytes' && files[index]) await rm((files[index] as BundleFile).part, { force: true });
        if (failure.reason === 'cancelled') throw failure;
        return { complete, failure };
      } finally {
        stall.stop();
      }
    },

    async download({ path, part, size, sha256, held }, { onHeld, onBytes }) {
      let lastError: unknown;
      for (let attempt = 0; attempt <= retries; attempt += 1) {
        if (options.signal?.aborted) throw new HubFailure('cancelled');
        let have = (attempt === 0 ? held : undefined) ?? (await stat(part).catch(() => undefined))?.size ?? 0;
        if (attempt === 0) onHeld(Math.min(have, size));
        if (have > size) {
          await truncate(part, 0);
          have = 0;
        }
        try {
          // What an earlier connection brought is read once; the rest is hashed as it is
          // written, so a finished file is never read back.
          let hash = await hashOfFile(part, have);
          if (have < size) hash = await fetchInto(path, part, have, size, hash, onBytes);
          if (hash.digest('hex') === sha256) return;
          // The hub sent other bytes than the ones signed: start this file over, once.
          await rm(part, { force: true });
          lastError = new HubFailure('wrongBytes', { path });
          if (attempt >= 1) throw lastError;
        } catch (error) {
          if (error instanceof HubFailure && (error.reason === 'cancelled' || error.reason === 'notFound' || error.reason === 'wrongBytes'))
            throw error;
          lastError = error;
          // A short pause before resuming: the connection may just have dropped.
          await delay(Math.min(200 * 2 ** attempt, 3_000), options.signal);
        }
      }
      throw lastError instanceof HubFailure ? lastError : new HubFailure('hubUnreachable', { host: base.host });
    },
  };

  /**
   * Appends the rest of the file to `part` (or rewrites it, if the server ignores the range),
   * feeding every byte written to `hash`, which holds the first `have`; returns the hash.
   */
  async function fetchInto(
    path: string,
    part: string,
    have: number,
    size: number,
    hash: Hash,
    onBytes: (count: number) => void,
  ): Promise<Hash> {
    const { response, stall } = await request(path, have > 0 ? { Range: `bytes=${have}-` } : {});
    // Made only for an answer that carries the file: an error page from a proxy must not
    // wipe what an earlier connection already brought.
    let writer: PartWriter | undefined;
    try {
      if (response.status === 404) throw new HubFailure('notFound', { path });
      if (response.status === 416) {
        await truncate(part, 0);
        throw new HubFailure('serverError', { status: 416, path });
      }
      if (!isSuccess(response)) throw new HubFailure('serverError', { status: response.status, path });
      // 206 continues where the part ends; a 200 means the server ignored the range.
      if (response.status === 206 && !(response.header('content-range') ?? '').startsWith(`bytes ${have}-`)) {
        throw new HubFailure('serverError', { status: 206, path });
      }
      const resumed = have > 0 && response.status === 206;
      writer = new PartWriter(part, !resumed);
      const digest = resumed ? hash : createHash('sha256');
      let written = resumed ? have : 0;
      for await (const chunk of response.body) {
        stall.touch();
        const bytes = chunk as Buffer;
        if (written + bytes.length > size) throw new HubFailure('wrongBytes', { path });
        digest.update(bytes);
        written += bytes.length;
        onBytes(bytes.length);
        await writer.add(bytes);
      }
      await writer.flush();
      return digest;
    } catch (error) {
      // Bytes received before the line dropped are as good as any: keep them for the resume.
      await writer?.flush()?.catch(() => undefined);
      throw error instanceof HubFailure ? error : networkFailure(error, stall, base.host);
    } finally {
      stall.stop();
      response.release();
    }
  }
}

/** A write of a bundle's file failed: a matter for the disk, not the hub. */
class WriteFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('writing a downloaded file failed');
  }
}

async function settled(writes: readonly Promise<void>[]): Promise<void> {
  await Promise.all(writes).catch((error: unknown) => {
    throw new WriteFailed(error);
  });
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
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

/** Aborts a request that has gone quiet for too long, or that the person cancelled. */
class StallGuard {
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

function isSuccess(response: HttpAnswer): boolean {
  return response.status >= 200 && response.status < 300;
}
