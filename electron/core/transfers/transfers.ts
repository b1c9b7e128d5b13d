// Files crossing between the UI and the core. A file to import arrives as an upload (bytes
// over HTTP, or a path the desktop shell or CLI vouches for) and is named by an opaque id;
// a file to save leaves as a download, also by id. Paths never come from the page.
import { Failure } from '../failure';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface Upload {
  readonly path: string;
  /** The file name the person chose, for messages. */
  readonly label: string;
}

export interface Download {
  readonly path: string;
  readonly fileName: string;
  readonly size: number;
}

export interface Transfers {
  registerUploadPath(file: string, label: string): string;
  /** Stores an uploaded body; refuses (and removes) one larger than `maxBytes`. */
  receiveUpload(body: Readable, label: string, maxBytes: number): Promise<string>;
  takeUpload(id: string): Upload | undefined;
  /** A folder for files that will be offered as downloads. */
  outgoingPath(fileName: string): Promise<string>;
  registerDownload(file: string, fileName: string): Promise<{ id: string; size: number }>;
  download(id: string): Download | undefined;
  /** Forgets a download and deletes its file. */
  finishDownload(id: string): Promise<void>;
  clear(): Promise<void>;
}

/** A file handed over that is larger than the transport accepts. */
export class UploadTooLarge extends Failure {
  constructor(max: number) {
    super('payload_too_large', 'errors:api.tooLarge', { params: { max } });
  }
}

const newId = () => randomBytes(16).toString('hex');

export function openTransfers(dataDir: string): Transfers {
  const root = path.join(dataDir, 'transfers');
  const incoming = path.join(root, 'in');
  const outgoing = path.join(root, 'out');
  const uploads = new Map<string, Upload>();
  const downloads = new Map<string, Download>();

  return {
    registerUploadPath(file, label) {
      const id = newId();
      uploads.set(id, { path: path.resolve(file), label });
      return id;
    },
    async receiveUpload(body, label, maxBytes) {
      await mkdir(incoming, { recursive: true });
      const id = newId();
      const file = path.join(incoming, id);
      let seen = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          seen += chunk.length;
          callback(seen > maxBytes ? new UploadTooLarge(maxBytes) : null, chunk);
        },
      });
      try {
        await pipeline(body, limit, createWriteStream(file, { flags: 'wx' }));
      } catch (error) {
        await rm(file, { force: true });
        throw error;
      }
      uploads.set(id, { path: file, label });
      return id;
    },
    takeUpload(id) {
      const upload = uploads.get(id);
      uploads.delete(id);
      return upload;
    },
    async outgoingPath(fileName) {
      const dir = path.join(outgoing, newId());
      await mkdir(dir, { recursive: true });
      return path.join(dir, fileName);
    },
    async registerDownload(file, fileName) {
      const id = newId();
      const { size } = await stat(file);
      downloads.set(id, { path: file, fileName, size });
      return { id, size };
    },
    download: (id) => downloads.get(id),
    async finishDownload(id) {
      const download = downloads.get(id);
      downloads.delete(id);
      if (download && download.path.startsWith(outgoing)) await rm(path.dirname(download.path), { recursive: true, force: true });
    },
    async clear() {
      uploads.clear();
      downloads.clear();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Removes an upload's file if the core received it (never a file the user pointed at). */
export async function discardUpload(dataDir: string, upload: Upload): Promise<void> {
  if (upload.path.startsWith(path.join(dataDir, 'transfers', 'in') + path.sep)) await rm(upload.path, { force: true });
}
