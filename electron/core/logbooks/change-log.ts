import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { logRecordSchema, type LogRecord } from '../contract/logbooks';

/**
 * A month's change log (`2026-11.changes.jsonl`, beside `2026-11.json`): one line per saved
 * record, the whole record, so a save appends a line instead of rewriting the month. The
 * line names the snapshot generation it goes on top of; folding the log into the snapshot
 * raises the snapshot's generation, so lines already folded in are never applied again, even
 * when a crash kept the log from being removed.
 */
const lineSchema = z.object({ generation: z.number().int().nonnegative(), record: logRecordSchema.loose() });
export type ChangeLine = z.infer<typeof lineSchema>;

export const changeLogSuffix = '.changes.jsonl';

export interface ChangeLog {
  /** The whole lines that parse, in the order they were written. */
  readonly lines: ChangeLine[];
  /** Whole lines, good or not: how far the log has grown since it was last folded. */
  readonly length: number;
  /** It ends in a line a crash cut short; that save never returned, so the line is ignored. */
  readonly cutShort: boolean;
  /** A whole line does not parse (a damaged disk, a hand-edited file). */
  readonly damaged: boolean;
}

export function changeLine(generation: number, record: LogRecord): string {
  return `${JSON.stringify({ generation, record })}\n`;
}

export async function readChangeLog(file: string): Promise<ChangeLog> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], length: 0, cutShort: false, damaged: false };
    throw error;
  }
  const whole = text.split('\n');
  // After the last line break: empty, unless an append was cut short.
  const tail = whole.pop() ?? '';
  const lines: ChangeLine[] = [];
  for (const each of whole) {
    const parsed = lineSchema.safeParse(parseJson(each));
    if (parsed.success) lines.push(parsed.data);
  }
  return { lines, length: whole.length, cutShort: tail !== '', damaged: lines.length !== whole.length };
}

/** The records with each of `changes` put in: in place of the record with its id, or added at the end. */
export function applyChanges(records: readonly LogRecord[], changes: readonly LogRecord[]): LogRecord[] {
  const next = [...records];
  const at = new Map(next.map((record, index) => [record.id, index]));
  for (const record of changes) {
    const index = at.get(record.id);
    if (index === undefined) {
      at.set(record.id, next.length);
      next.push(record);
    } else next[index] = record;
  }
  return next;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
