// A first install's files in one request: the hub's bundle of a pack version (its files end
// to end, in manifest order), cut by the signed sizes and checked file by file as it streams
// in. Over a mobile link one request instead of one per file saves a round trip each.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { HubFailure } from './hub-failure';
import type { HubConnection } from './hub-request';
import { PartWriter, WriteFailed } from './part-writer';
import { streamedGet } from './streamed-get';

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
  /** Bytes received. */
  readonly onBytes: (count: number) => void;
  /** A file arrived whole and right. */
  readonly onFile: () => void;
}

export interface HubBundles {
  /**
   * Streams a bundle (files end to end, cut by the signed sizes in `files`) and writes each
   * file to its place, checking its hash. Stops at the first problem and says why, so
   * the caller fetches the rest file by file; only a cancel, or a write that failed (the
   * disk's failure, not the hub's), throws.
   */
  downloadBundle(path: string, files: readonly BundleFile[], progress: BundleProgress): Promise<BundleOutcome>;
}

export function hubBundles(connection: HubConnection): HubBundles {
  return {
    async downloadBundle(path, files, { onBytes, onFile }) {
      const complete = new Set<string>();
      const total = files.reduce((sum, file) => sum + file.size, 0);
      const stall = connection.guard();
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
        if (connection.signal?.aborted) throw new HubFailure('cancelled');
        await streamedGet(new URL(path, connection.base), stall.signal, {
          onHead({ status }) {
            stall.touch();
            if (status === 404) throw new HubFailure('notFound', { path });
            if (status !== 200) throw new HubFailure('serverError', { status, path });
          },
          onBytes: take,
        });
        if (received < total) throw new HubFailure('hubUnreachable', { host: connection.base.host });
        await settled(writes);
        return { complete };
      } catch (error) {
        // The disk, not the hub: the caller reports it as such (a full disk, say).
        if (error instanceof WriteFailed) {
          await Promise.allSettled(writes);
          throw error.cause;
        }
        const failure = connection.failure(error, stall);
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
  };
}

async function settled(writes: readonly Promise<void>[]): Promise<void> {
  await Promise.all(writes).catch((error: unknown) => {
    throw new WriteFailed(error);
  });
}
