import { chmod } from 'node:fs/promises';

/**
 * Root ignores file permissions, so a read-only folder is only read-only to another user.
 * Returns the command prefix that runs a program as `nobody` when we are root, or nothing
 * when we already are an ordinary user.
 */
export function unprivilegedPrefix(): string[] {
  return process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
}

/** Lets `nobody` reach and read a folder that a root-run test created. */
export async function openToEveryone(...paths: string[]): Promise<void> {
  for (const each of paths) await chmod(each, 0o755);
}
