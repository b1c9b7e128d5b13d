// A laptop writing in its logbooks until the power goes: opens the logbooks of a data
// folder and saves rumour records in a loop (new ones, edits, edits that move a record to
// another month), for tests that kill it at random moments. On stdout, one JSON line each:
// `ready` once open; `intent` before an edit (its id, revision and data); `saved` only after
// a save has returned (as the UI would show "saved"). Run: node writer.mjs DATA_DIR SEED
import { LogbookService } from '../../electron/core/logbooks/logbook-service';
import type { LogRecord } from '../../electron/core/contract/logbooks';

const [dataDir, seedText] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: logbook-writer DATA_DIR SEED');
let seed = Number(seedText ?? 1) || 1;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** The months the records fall in: few, so edits often move a record to a month already on disk. */
const writerMonths = ['2026-01', '2026-02', '2026-03', '2026-04'];
const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
const author = { profileId: 'writer', name: 'Người ghi thử' };

const { service } = await LogbookService.open(dataDir, { device: 'kill-test', onDamaged: (file) => print({ damaged: file }) });
const known: LogRecord[] = (await service.list({ kind: 'rumour', fromMonth: writerMonths[0], toMonth: writerMonths.at(-1) })).records;
print({ ready: true, records: known.length });

const occurredAt = (month = pick(writerMonths)) =>
  `${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}T${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
const rumourData = (at: string, step: number) => ({
  occurredAt: at,
  content: `Tin đồn số ${step}: nghe nói nước giếng buôn bị nhiễm độc, ${'người dân lo lắng, '.repeat(1 + Math.floor(random() * 6))}cần xác minh`,
  place: pick(['Buôn Kô Sia', 'Buôn Trấp', 'Thôn 3', 'Buôn Ea Tu']),
  channels: [pick(['zalo', 'facebook', 'wordOfMouth'] as const)],
  answeredBy: [],
  status: pick(['new', 'forwarded', 'confirmedFalse'] as const),
});

for (let step = 0; ; step += 1) {
  const editing = known.length > 0 && random() < 0.4 ? pick(known) : undefined;
  if (!editing) {
    const saved = await service.save({ kind: 'rumour', finalise: true, data: rumourData(occurredAt(), step) }, author);
    known.push(saved);
    print({ saved: saved.id, revision: saved.revision, data: saved.data });
    continue;
  }
  // Half the edits change the month, which moves the record between two files.
  const month = editing.occurredAt.slice(0, 7);
  const at = random() < 0.5 ? occurredAt(pick(writerMonths.filter((each) => each !== month))) : editing.occurredAt;
  const data = rumourData(at, step);
  print({ intent: editing.id, revision: editing.revision + 1, data });
  const saved = await service.save({ kind: 'rumour', id: editing.id, month, finalise: true, data }, author);
  known[known.indexOf(editing)] = saved;
  print({ saved: saved.id, revision: saved.revision, data: saved.data });
}
