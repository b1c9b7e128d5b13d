import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** The SHA-256 state after the first `length` bytes of `file` (all of it, by default), read in large pieces. */
export async function hashOfFile(file: string, length = Infinity): Promise<Hash> {
  const hash = createHash('sha256');
  if (length === 0) return hash;
  const end = Number.isFinite(length) ? { end: length - 1 } : {};
  for await (const chunk of createReadStream(file, { start: 0, ...end, highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash;
}
