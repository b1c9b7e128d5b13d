// Saving a record when 100,000 are already kept, over 36 months of five logbooks: the p95
// of LogbookService.save (a new final record this month, checked, appended durably to its
// month's change log, or the month file rewritten when the log is folded into it), against
// the same records in one lowdb file written with the same durable adapter, in the same run.
import path from 'node:path';
import { Low } from 'lowdb';
import type { LogRecord } from '../../../electron/core/contract/logbooks';
import { logbookKinds } from '../../../shared/logbook-choices';
import { LogbookService } from '../../../electron/core/logbooks/logbook-service';
import { foldAfter } from '../../../electron/core/logbooks/month-files';
import { DurableJsonFile } from '../../../electron/core/storage/durable-json-file';
import type { Figure } from '../support/figure';
import { recordData, storedRecord, writeLogbookFolder } from '../support/logbook-folder';
import { percentile, round } from '../support/stats';
import { withTempDir } from '../support/temp-dir';

const stored = 100_000;
const monthCount = 36;
// Enough that each logbook's change log is folded into its month file once, as in use it is
// every `foldAfter` saves: those saves count too.
const saves = logbookKinds.length * (foldAfter + 16);
// Each baseline save writes the whole 100,000 again; a few show its p95 well enough.
const baselineSaves = 15;
const author = { profileId: '01BENCHAUTHOR0000000000000', name: 'Nguyễn Thị Hoa' };

const figure: Figure = {
  name: 'logbook_save_p95_100k',
  unit: 'ms',
  target: { max: 10 },
  async measure({ log }) {
    return withTempDir('chieng-bench-logbook-save', async (work) => {
      log(`writing ${stored} records over ${monthCount} months (not timed)`);
      const folder = await writeLogbookFolder(path.join(work, 'data'), stored, monthCount);
      const thisMonth = folder.months.at(-1)!;
      const occurredAt = (index: number) =>
        `${thisMonth}-${String(1 + (index % 28)).padStart(2, '0')}T${String(7 + (index % 12)).padStart(2, '0')}:15`;

      // Every save counts, the first of each logbook too (it reads that month's file).
      const { service } = await LogbookService.open(path.join(work, 'data'), { device: 'bench', onDamaged: () => undefined });
      const times: number[] = [];
      for (let index = 0; index < saves; index += 1) {
        const kind = logbookKinds[index % logbookKinds.length]!;
        const data = recordData(kind, occurredAt(index), index) as Record<string, unknown>;
        const started = performance.now();
        await service.save({ kind, finalise: true, data }, author);
        times.push(performance.now() - started);
      }

      log('baseline: the same records in one lowdb file');
      const single = new Low<{ records: LogRecord[] }>(
        new DurableJsonFile(path.join(work, 'single.json'), {
          parse: (data) => data as { records: LogRecord[] },
          onDamaged: () => undefined,
          indent: 0,
        }),
        { records: [] },
      );
      single.data.records = folder.records;
      await single.write();
      const baseline: number[] = [];
      for (let index = 0; index < baselineSaves; index += 1) {
        const kind = logbookKinds[index % logbookKinds.length]!;
        const record = storedRecord(kind, occurredAt(index), stored + index);
        const started = performance.now();
        single.data.records.push(record);
        await single.write();
        baseline.push(performance.now() - started);
      }
      log(
        `month files: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms; one file: p50 ${percentile(baseline, 50).toFixed(0)} ms`,
      );
      return {
        value: round(percentile(times, 95), 2),
        baseline: {
          name: 'single_file_lowdb_save_p95',
          value: round(percentile(baseline, 95), 1),
          unit: 'ms',
          extra: { runs: baselineSaves },
        },
        runs: saves,
        extra: {
          p50: round(percentile(times, 50), 2),
          max: round(Math.max(...times), 2),
          stored,
          months: monthCount,
          perMonthFile: folder.perMonthFile,
        },
      };
    });
  },
};

export default figure;
