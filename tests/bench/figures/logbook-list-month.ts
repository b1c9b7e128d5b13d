// Listing one month of one logbook with filters (not withdrawn, one village, a word typed)
// when 100,000 records are kept: the p95 of LogbookService.list on a service just opened,
// so the month's file is read too, as when the officer first opens that month. Against it,
// the same question put to the same records held in one file, read and filtered, in the
// same run.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LogListFilters, LogRecord } from '../../../electron/core/contract/logbooks';
import { fold } from '../../../shared/search-folding';
import { LogbookService } from '../../../electron/core/logbooks/logbook-service';
import type { Figure } from '../support/figure';
import { villageIds, writeLogbookFolder } from '../support/logbook-folder';
import { percentile, round } from '../support/stats';
import { withTempDir } from '../support/temp-dir';

const stored = 100_000;
const monthCount = 36;
const baselineRuns = 5;
/** What the officer types in the list's search box, without accents. */
const typed = 'sot xuat huyet';

const figure: Figure = {
  name: 'logbook_list_month_100k',
  unit: 'ms',
  target: { max: 100 },
  async measure({ log }) {
    return withTempDir('chieng-bench-logbook-list', async (work) => {
      log(`writing ${stored} records over ${monthCount} months (not timed)`);
      const dataDir = path.join(work, 'data');
      const folder = await writeLogbookFolder(dataDir, stored, monthCount);
      const filtersFor = (month: string, index: number): LogListFilters => ({
        kind: 'rumour',
        fromMonth: month,
        toMonth: month,
        status: 'active',
        villageId: villageIds[index % villageIds.length]!,
        text: typed,
      });

      const cold: number[] = [];
      let found = 0;
      for (const [index, month] of folder.months.entries()) {
        const { service } = await LogbookService.open(dataDir, { device: 'bench', onDamaged: () => undefined });
        const started = performance.now();
        found += (await service.list(filtersFor(month, index))).total;
        cold.push(performance.now() - started);
      }
      // The same month asked again (another filter, back to the list): its file is already read.
      const { service } = await LogbookService.open(dataDir, { device: 'bench', onDamaged: () => undefined });
      const month = folder.months.at(-1)!;
      await service.list(filtersFor(month, 0));
      const warm: number[] = [];
      for (let index = 0; index < 30; index += 1) {
        const started = performance.now();
        await service.list(filtersFor(month, index));
        warm.push(performance.now() - started);
      }

      log('baseline: the same records in one file, read and filtered');
      const single = path.join(work, 'single.json');
      await writeFile(single, `${JSON.stringify({ records: folder.records })}\n`);
      const baseline: number[] = [];
      for (let run = 0; run < baselineRuns; run += 1) {
        const filters = filtersFor(folder.months[run]!, run);
        const started = performance.now();
        const { records } = JSON.parse(await readFile(single, 'utf8')) as { records: LogRecord[] };
        records.filter((record) => sameQuestion(record, filters)).sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
        baseline.push(performance.now() - started);
      }
      log(
        `month files: cold p95 ${percentile(cold, 95).toFixed(1)} ms, warm p95 ${percentile(warm, 95).toFixed(1)} ms, ${found} found; one file: p50 ${percentile(baseline, 50).toFixed(0)} ms`,
      );
      return {
        value: round(percentile(cold, 95), 1),
        baseline: {
          name: 'single_file_read_and_filter_p95',
          value: round(percentile(baseline, 95), 1),
          unit: 'ms',
          extra: { runs: baselineRuns },
        },
        runs: cold.length,
        extra: {
          p50: round(percentile(cold, 50), 1),
          warmP95: round(percentile(warm, 95), 2),
          stored,
          perMonthFile: folder.perMonthFile,
          found,
        },
      };
    });
  },
};

export default figure;

/** The list's filters, as a single-file store would apply them to every record it holds. */
function sameQuestion(record: LogRecord, filters: LogListFilters): boolean {
  const month = record.occurredAt.slice(0, 7);
  return (
    record.kind === filters.kind &&
    month >= filters.fromMonth! &&
    month <= filters.toMonth! &&
    record.status !== 'withdrawn' &&
    record.data['villageId'] === filters.villageId &&
    fold(JSON.stringify(record.data)).includes(fold(filters.text!))
  );
}
