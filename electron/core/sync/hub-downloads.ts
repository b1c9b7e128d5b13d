// A pack's files from the hub one by one, as a commune's mobile connection allows: each into
// a part file that a dropped connection leaves as far as it got, continued with a byte range
// (after a short pause) rather than started over, and checked against its signed hash.
import { createHash, type Hash } from 'node:crypto';
import { rm, stat, truncate } from 'node:fs/promises';
import { hashOfFile } from '../storage/file-hash';
import { HubFailure } from './hub-failure';
import { delay, isSuccess, type HubConnection } from './hub-request';
import { onDisk, PartWriter, WriteFailed } from './part-writer';

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

export interface DownloadProgress {
  readonly onHeld: (count: number) => void;
  readonly onBytes: (count: number) => void;
}

export interface HubDownloads {
  /**
   * Fetches `path` into `part`, continuing from whatever `part` already holds, until it has
   * `size` bytes whose SHA-256 is `sha256`. `onHeld` hears once what an earlier sync left in
   * `part`; `onBytes` hears of every byte received.
   */
  download(file: DownloadFile, progress: DownloadProgress): Promise<void>;
}

export function hubDownloads(connection: HubConnection): HubDownloads {
  const { retries, signal } = connection;

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
    const { response, stall } = await connection.request(path, have > 0 ? { Range: `bytes=${have}-` } : {});
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
        await onDisk(writer.add(bytes));
      }
      await onDisk(writer.flush());
      return digest;
    } catch (error) {
      // Bytes received before the line dropped are as good as any: keep them for the resume.
      await writer?.flush()?.catch(() => undefined);
      // The disk, not the hub: the install reports it as such (a full disk, say).
      if (error instanceof WriteFailed) throw error.cause;
      throw connection.failure(error, stall);
    } finally {
      stall.stop();
      response.release();
    }
  }

  return {
    async download({ path, part, size, sha256, held }, { onHeld, onBytes }) {
      let lastError: unknown;
      for (let attempt = 0; attempt <= retries; attempt += 1) {
        if (signal?.aborted) throw new HubFailure('cancelled');
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
          // Only a connection that dropped is worth resuming; the disk failing, or the hub
          // refusing, would fail again.
          if (!(error instanceof HubFailure)) throw error;
          if (error.reason === 'cancelled' || error.reason === 'notFound' || error.reason === 'wrongBytes') throw error;
          lastError = error;
          // A short pause before resuming: the connection may just have dropped.
          await delay(Math.min(200 * 2 ** attempt, 3_000), signal);
        }
      }
      throw lastError instanceof HubFailure ? lastError : new HubFailure('hubUnreachable', { host: connection.base.host });
    },
  };
}
