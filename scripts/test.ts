// `npm test`: everything that says whether the app works, in one run. Builds, type-checks
// each environment, lints (with the layering rules and the formatter's layout), scans electron/ with Electronegativity,
// runs the vitest unit tests and the Playwright end-to-end tests, then prints one line:
// `tests: N passed, N failed`, counting every runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { buildAll } from './lib/build-all';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  readonly skipReasons: Set<string>;
}

const tally: Tally = { passed: 0, failed: 0, skipped: 0, skipReasons: new Set() };
const results = 'test-results';

function step(name: string, ok: boolean): void {
  if (ok) tally.passed += 1;
  else tally.failed += 1;
  console.log(`\n== ${name}: ${ok ? 'ok' : 'FAILED'}\n`);
}

function run(command: string, args: readonly string[]): boolean {
  console.log(`\n== ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit' }).status === 0;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let built = true;
try {
  await buildAll();
} catch (error) {
  console.error(error);
  built = false;
}
step('build', built);

for (const config of ['tsconfig.shared.json', 'tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.tests.json'])
  step(`typecheck ${config}`, run('npx', ['tsc', '-p', config, '--noEmit']));
step('lint', run('npm', ['run', 'lint']));
step('electronegativity', run('npx', ['tsx', 'scripts/checks/electronegativity.ts']));

// Unit tests: count each test, not the run.
const unitReport = `${results}/unit-results.json`;
const unitOk = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`]);
const unit = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(unitReport);
if (unit) {
  tally.passed += unit.numPassedTests;
  tally.failed += unit.numFailedTests;
  tally.skipped += unit.numPendingTests + unit.numTodoTests;
  if (!unitOk && unit.numFailedTests === 0) step('vitest (suite error)', false);
} else {
  step('vitest (no report)', false);
}

// End-to-end tests need the built app.
interface PlaywrightSuite {
  readonly suites?: PlaywrightSuite[];
  readonly specs?: {
    readonly tests: { readonly annotations: { readonly type: string; readonly description?: string }[]; readonly status: string }[];
  }[];
}
if (built) {
  const e2eReport = `${results}/e2e-results.json`;
  const e2eOk = run('npx', ['playwright', 'test']);
  const e2e = readJson<{
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites: PlaywrightSuite[];
    errors: unknown[];
  }>(e2eReport);
  if (e2e) {
    tally.passed += e2e.stats.expected;
    tally.failed += e2e.stats.unexpected + e2e.stats.flaky;
    tally.skipped += e2e.stats.skipped;
    const collect = (suite: PlaywrightSuite): void => {
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests) {
          if (test.status !== 'skipped') continue;
          for (const note of test.annotations) if (note.type === 'skip' && note.description) tally.skipReasons.add(note.description);
        }
      }
      for (const child of suite.suites ?? []) collect(child);
    };
    for (const suite of e2e.suites) collect(suite);
    if (!e2eOk && e2e.stats.unexpected === 0) step('playwright (run error)', false);
  } else {
    step('playwright (no report)', false);
  }
} else {
  step('playwright (not run: the build failed)', false);
}

if (tally.skipped > 0) {
  console.log(`skipped: ${tally.skipped}${tally.skipReasons.size > 0 ? ` (${[...tally.skipReasons].join('; ')})` : ''}`);
}
console.log(`tests: ${tally.passed} passed, ${tally.failed} failed`);
if (!existsSync('dist/renderer/index.html')) console.log('note: dist/ was not built');
process.exitCode = tally.failed > 0 ? 1 : 0;
