import type { Low } from 'lowdb';

/**
 * Makes `next` the file's data, durably; if the write fails the file and what the app shows
 * both keep the previous data, so a refused save never looks saved.
 */
export async function replaceData<T>(db: Low<T>, next: T): Promise<void> {
  const previous = db.data;
  db.data = next;
  try {
    await db.write();
  } catch (error) {
    db.data = previous;
    throw error;
  }
}
