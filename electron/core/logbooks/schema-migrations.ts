import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LogRecord } from '../contract/logbooks';
import { logbookKinds } from '../../../shared/logbook-choices';
import { writeFileDurably } from '../storage/write-file-durably';
import type { MonthFiles } from './month-files';

/** The version of the records this build writes. */
export const currentSchemaVersion = 1;

/** One step up: turns a record of version `to - 1` into one of version `to`. */
export interface Migration {
  readonly to: number;
  readonly up: (record: LogRecord) => LogRecord;
}

/**
 * The steps from each older record version to the current one, oldest first. Version 1 is
 * the first this app wrote, so there are none yet; the next change to a record's shape adds
 * its step here, and `migrateLogbooks` applies it to every file on the next start.
 */
export const migrations: readonly Migration[] = [];

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
  readonly recordsChanged: number;
}

/**
 * Brings every stored record up to `target`. A small `meta.json` remembers the version the
 * files are at, so a start where nothing changed reads no record at all.
 */
export async function migrateLogbooks(
  root: string,
  files: MonthFiles,
  steps: readonly Migration[] = migrations,
  target = currentSchemaVersion,
): Promise<MigrationOutcome> {
  const metaFile = path.join(root, 'meta.json');
  const from = await storedVersion(metaFile);
  // At the version, or above it (a newer Chiêng wrote here): records are left as they are.
  if (from >= target) return { from, to: target, recordsChanged: 0 };
  let recordsChanged = 0;
  for (const kind of logbookKinds) {
    for (const month of await files.months(kind)) {
      const records = await files.records(kind, month);
      let changed = false;
      const next = records.map((record) => {
        if (record.schemaVersion >= target) return record;
        changed = true;
        recordsChanged += 1;
        return steps
          .filter((step) => step.to > record.schemaVersion && step.to <= target)
          .reduce((each, step) => ({ ...step.up(each), schemaVersion: step.to }), record);
      });
      if (changed) await files.write(kind, month, next);
    }
  }
  await mkdir(root, { recursive: true });
  await writeFileDurably(metaFile, `${JSON.stringify({ schemaVersion: target })}\n`);
  return { from, to: target, recordsChanged };
}

async function storedVersion(metaFile: string): Promise<number> {
  try {
    const parsed = JSON.parse(await readFile(metaFile, 'utf8')) as { schemaVersion?: unknown };
    return typeof parsed.schemaVersion === 'number' && Number.isInteger(parsed.schemaVersion) ? parsed.schemaVersion : 0;
  } catch {
    // No mark (a new data folder, or one from before logbooks): look at every record once.
    return 0;
  }
}
