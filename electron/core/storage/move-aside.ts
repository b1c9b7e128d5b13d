import { rename } from 'node:fs/promises';

/**
 * Moves a file that cannot be read out of the way, keeping it for a person to inspect or
 * recover: it is never deleted. Returns where it went.
 */
export async function moveAside(file: string, now: Date = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.damaged-${stamp}`;
  await rename(file, target);
  return target;
}
