// The power goes while the officer is saving: a writer process saves records in a loop and
// is killed (SIGKILL, like a pulled plug as far as the process knows) at random moments,
// over and over. After every kill the logbooks are opened again and must hold every record
// the writer had reported saved, each file whole, and nothing read from a temp file.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../electron/core/contract/logbooks';
import { LogbookService } from '../../../electron/core/logbooks/logbook-service';
import { repoRoot } from '../../support/cli-process';
import { makeTempDir } from '../../support/temp-dir';

const kills = 100;
const ghostId = '01GHOST0000000000000000000';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let writer: string;

beforeAll(async () => {
  temp = await makeTempDir('chieng-kill-writes');
  writer = path.join(temp.dir, 'writer.mjs');
  // Bundled once, so that each of the hundred starts costs Node's start, not a TypeScript loader's.
  await build({
    entryPoints: [path.join(repoRoot, 'tests', 'support', 'logbook-writer.ts')],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    minify: true,
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
});
afterAll(() => temp.remove());

interface Saved {
  readonly revision: number;
  readonly data: unknown;
}

interface Life {
  /** Every save the writer reported, in order. */
  readonly saved: { id: string; revision: number; data: unknown }[];
  /** An edit it had begun but not reported: the record may hold it or the state before. */
  pending?: { id: string; revision: number; data: unknown };
  readonly damaged: string[];
}

/** Runs the writer until a random moment, kills it, and returns what it said before dying. */
async function liveAndDie(dataDir: string, seed: number, random: () => number): Promise<Life> {
  const child = spawn(process.execPath, [writer, dataDir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const life: Life = { saved: [], damaged: [] };
  // Let it say a few things first (ready, a save, an edit begun), so that it is killed at
  // every stage of its work and still saves something in most lives.
  const wanted = 1 + Math.floor(random() * 4);
  let heard = 0;
  let onHeard = () => undefined as void;
  const enoughHeard = new Promise<void>((resolve) => (onHeard = resolve));
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if ((heard += 1) === wanted) onHeard();
    const said = JSON.parse(line) as { saved?: string; intent?: string; revision: number; data: unknown; damaged?: string };
    if (said.intent !== undefined) life.pending = { id: said.intent, revision: said.revision, data: said.data };
    else if (said.saved !== undefined) {
      life.saved.push({ id: said.saved, revision: said.revision, data: said.data });
      if (life.pending?.id === said.saved) delete life.pending;
    } else if (said.damaged !== undefined) life.damaged.push(said.damaged);
  });
  const exited = once(child, 'exit');
  const closed = once(lines, 'close');
  // Most deaths come while saving; some while opening, which may be finishing a move.
  if (random() < 0.1) await sleep(random() * 150);
  else {
    await Promise.race([enoughHeard, exited]);
    await sleep(random() * 10);
  }
  child.kill('SIGKILL');
  const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  await closed;
  if (signal !== 'SIGKILL') throw new Error(`the writer ended by itself (${code}): ${stderr}`);
  return life;
}

/** Every .json under the logbooks folder, raw, before anything opens them. */
async function jsonFiles(dir: string): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => path.join(entry.parentPath, entry.name));
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(file, 'utf8') })));
}

const ghost = (id: string, occurredAt: string): LogRecord => ({
  id,
  kind: 'rumour',
  schemaVersion: 1,
  status: 'final',
  revision: 1,
  occurredAt,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  author: { profileId: 'ghost', name: 'Ghost' },
  device: 'ghost',
  savedBy: { profileId: 'ghost', name: 'Ghost' },
  data: { occurredAt, content: 'A record that exists only in a temp file' },
  revisions: [],
});

describe('a writer killed at random moments', () => {
  it(`loses no record it reported saved and leaves every file readable, over ${kills} kills`, { timeout: 600_000 }, async () => {
    const dataDir = path.join(temp.dir, 'data');
    const folder = path.join(dataDir, 'logbooks', 'rumour');
    await mkdir(folder, { recursive: true });
    // Temp files as a crashed write leaves them, whole and well-formed: they must never count.
    await writeFile(
      path.join(folder, '2026-02.json.4242.0123456789ab.tmp'),
      JSON.stringify({ records: [ghost(ghostId, '2026-02-10T10:00')] }),
    );
    await writeFile(
      path.join(dataDir, 'logbooks', 'journal.json.4242.0123456789ab.tmp'),
      JSON.stringify({ kind: 'rumour', changes: [{ month: '2026-03', put: [ghost(ghostId, '2026-03-10T10:00')], remove: [] }] }),
    );

    let seed = 20261124;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const expected = new Map<string, Saved>();
    let savesSeen = 0;
    let editsCaughtHalfWay = 0;
    const started = performance.now();

    for (let kill = 0; kill < kills; kill += 1) {
      const life = await liveAndDie(dataDir, kill + 1, random);
      expect(life.damaged, `kill ${kill}: the writer found damaged files`).toEqual([]);
      for (const { id, revision, data } of life.saved) expected.set(id, { revision, data });
      savesSeen += life.saved.length;

      // As the kill left them: every .json parses (month files, the journal, meta.json).
      for (const { file, text } of await jsonFiles(path.join(dataDir, 'logbooks'))) {
        expect(() => JSON.parse(text) as unknown, `kill ${kill}: ${path.relative(dataDir, file)} does not parse`).not.toThrow();
      }

      const damaged: string[] = [];
      const { service } = await LogbookService.open(dataDir, { device: 'checker', onDamaged: (file) => damaged.push(file) });
      expect(damaged, `kill ${kill}: files moved aside`).toEqual([]);
      const found = new Map<string, LogRecord>();
      for await (const { month, records } of service.all('rumour')) {
        for (const record of records) {
          expect(found.has(record.id), `kill ${kill}: ${record.id} is kept twice`).toBe(false);
          expect(record.occurredAt.slice(0, 7), `kill ${kill}: ${record.id} is in the wrong month`).toBe(month);
          found.set(record.id, record);
        }
      }
      expect(found.has(ghostId), `kill ${kill}: a temp file was read as data`).toBe(false);

      for (const [id, saved] of expected) {
        const record = found.get(id);
        expect(record, `kill ${kill}: ${id}, reported saved, is gone`).toBeDefined();
        if (record!.revision === saved.revision) {
          expect(record!.data, `kill ${kill}: ${id} lost its saved data`).toEqual(saved.data);
          continue;
        }
        // Only the edit in flight when the writer died may have landed after its last report.
        const pending = life.pending;
        expect(
          pending?.id === id && record!.revision === pending.revision,
          `kill ${kill}: ${id} is at revision ${record!.revision}, saved ${saved.revision}`,
        ).toBe(true);
        expect(record!.data).toEqual(pending!.data);
        expected.set(id, { revision: pending!.revision, data: pending!.data });
        editsCaughtHalfWay += 1;
      }
    }

    const temps = (await readdir(path.join(dataDir, 'logbooks'), { recursive: true })).filter((name) => name.endsWith('.tmp'));
    console.info(
      `${kills} kills in ${((performance.now() - started) / 1000).toFixed(1)} s: ${savesSeen} saves reported, ${expected.size} records, ${editsCaughtHalfWay} edits landed unreported, ${temps.length} temp files left`,
    );
    // The kills came while it was working, not before it began.
    expect(savesSeen).toBeGreaterThanOrEqual(kills / 2);
  });
});
