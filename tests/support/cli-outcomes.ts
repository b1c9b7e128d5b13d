// What a finished `chieng` run looks like to the person who ran it, for CLI tests.
import { expect } from 'vitest';
import { linesOf } from './cli-authoring';
import type { CliRun } from './cli-process';

/** A command that worked: exit 0, nothing on stderr; its lines. */
export function succeeded(run: CliRun): string[] {
  expect(run.stderr, run.stderr).toBe('');
  expect(run.code).toBe(0);
  return linesOf(run.stdout);
}

/** A refusal: nothing on stdout, a non-zero exit code; the lines on stderr. */
export function refusedLines(run: CliRun, code = 1): string[] {
  expect(run.stdout).toBe('');
  expect(run.code, run.stderr).toBe(code);
  return linesOf(run.stderr);
}

/** A refusal in one line; that line. */
export function refused(run: CliRun, code = 1): string {
  const lines = refusedLines(run, code);
  expect(lines, run.stderr).toHaveLength(1);
  return lines[0] ?? '';
}
