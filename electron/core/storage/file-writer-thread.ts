// Writes the pack store's new files and partial downloads on a thread of their own. A pack
// is thousands of small files, and each asynchronous open, write and close is a hand-off to
// the thread pool and back: three per file cost the main thread more than hashing the file.
// One message per file to a thread that makes the plain system calls costs far less, and
// leaves the main thread free to read and hash the next files meanwhile. Bytes in shared
// memory (the archive reader's read-ahead) are written from where they are, without a copy.
import { Worker } from 'node:worker_threads';

// Plain CommonJS, run as is: the thread needs no build step and nothing but `fs`.
const threadSource = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
function open(file, flag) {
  try {
    return fs.openSync(file, flag);
  } catch (error) {
    if (!error || error.code !== 'ENOENT') throw error;
    // The first file of a fan-out folder: its folder is made here, not by a separate call for
    // each folder beforehand. One level only: a deeper gap is an error.
    try { fs.mkdirSync(path.dirname(file)); } catch (made) { if (!made || made.code !== 'EEXIST') throw made; }
    return fs.openSync(file, flag);
  }
}
function write({ id, file, flag, pieces }) {
  let fd;
  try {
    fd = open(file, flag);
    for (const { buffer, offset, length } of pieces) {
      const bytes = new Uint8Array(buffer, offset, length);
      for (let done = 0; done < length; ) {
        const written = fs.writeSync(fd, bytes, done, length - done);
        if (written === 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
        done += written;
      }
    }
    fs.closeSync(fd);
    fd = undefined;
    return { id };
  } catch (error) {
    if (fd !== undefined) {
      try { fs.closeSync(fd); } catch {}
    }
    return { id, error: { message: String(error && error.message), code: error && error.code } };
  }
}
parentPort.on('message', (job) => parentPort.postMessage(write(job)));
`;

interface Reply {
  readonly id: number;
  readonly error?: { readonly message: string; readonly code?: string };
}

let thread: { worker: Worker; waiting: Map<number, { resolve: () => void; reject: (error: Error) => void }> } | undefined;
let nextId = 0;

function writerThread(): NonNullable<typeof thread> {
  if (thread) return thread;
  const worker = new Worker(threadSource, { eval: true });
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const started = { worker, waiting };
  worker.on('message', ({ id, error }: Reply) => {
    const waiter = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
    if (!error) waiter?.resolve();
    else waiter?.reject(Object.assign(new Error(error.message), error.code ? { code: error.code } : {}));
  });
  // A thread that dies takes its pending writes with it; the next write starts a new one.
  const fail = (cause: unknown) => {
    if (thread === started) thread = undefined;
    for (const waiter of waiting.values())
      waiter.reject(Object.assign(new Error(`file writer stopped: ${String(cause)}`), { code: 'EIO' }));
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(`exit ${code}`));
  worker.unref();
  thread = started;
  return started;
}

/** Creates `file` (which must not exist) holding `bytes`; makes its folder if only that is missing. */
export function writeNewFileOnThread(file: string, bytes: Uint8Array): Promise<void> {
  return writeOnThread(file, 'wx', [bytes]);
}

/**
 * Opens `file` with `flag` ('w' replaces it, 'a' appends to it), writes `chunks` in order,
 * and closes it; makes its folder if only that is missing. The chunks may be reused once
 * this resolves.
 */
export function writeOnThread(file: string, flag: 'wx' | 'w' | 'a', chunks: readonly Uint8Array[]): Promise<void> {
  const { worker, waiting } = writerThread();
  const id = (nextId += 1);
  // Shared memory is written from where it is; anything else is copied once into a slab of
  // shared memory, reused once written. (A Buffer's own memory is often shared with others, a
  // pool or a socket's read, so it cannot be handed over; and fresh memory for every file
  // costs the system more than the copy.)
  const shared = chunks.every((chunk) => chunk.buffer instanceof SharedArrayBuffer);
  const slab = shared ? undefined : copiedToSlab(chunks);
  const pieces = slab
    ? [{ buffer: slab.buffer, offset: 0, length: slab.length }]
    : chunks.map((chunk) => ({ buffer: chunk.buffer, offset: chunk.byteOffset, length: chunk.length }));
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      if (slab) returnSlab(slab.buffer);
    };
    waiting.set(id, {
      resolve: () => {
        done();
        resolve();
      },
      reject: (error) => {
        done();
        reject(error);
      },
    });
    // Only pending writes keep the process alive, as an open file would.
    worker.ref();
    worker.postMessage({ id, file, flag, pieces });
  });
}

/**
 * Slabs are sized in powers of two from 64 KiB to 1 MiB and kept for reuse, enough of each size
 * for the writes an install or a download keeps in flight: fresh shared memory costs a page
 * fault per page, more than the copy. Spares are let go once writing has stopped for a while.
 */
const smallestSlab = 64 * 1024;
const largestKeptSlab = 1024 * 1024;
const keptPerSize = 32;
const keepSparesMs = 5_000;
const spareSlabs = new Map<number, SharedArrayBuffer[]>();
const dropSpares = setTimeout(() => spareSlabs.clear(), keepSparesMs).unref();

/** Shared memory of at least `bytes`, to gather bytes for writing in; give it back once written. */
export function borrowSlab(bytes: number): SharedArrayBuffer {
  let size = smallestSlab;
  while (size < bytes) size *= 2;
  return spareSlabs.get(size)?.pop() ?? new SharedArrayBuffer(size);
}

function copiedToSlab(chunks: readonly Uint8Array[]): { buffer: SharedArrayBuffer; length: number } {
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const buffer = borrowSlab(length);
  const view = new Uint8Array(buffer);
  let at = 0;
  for (const chunk of chunks) {
    view.set(chunk, at);
    at += chunk.length;
  }
  return { buffer, length };
}

export function returnSlab(buffer: SharedArrayBuffer): void {
  if (buffer.byteLength > largestKeptSlab) return;
  const spare = spareSlabs.get(buffer.byteLength) ?? [];
  spareSlabs.set(buffer.byteLength, spare);
  if (spare.length < keptPerSize) spare.push(buffer);
  dropSpares.refresh();
}
