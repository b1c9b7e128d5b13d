// The contract between the harness (../run.ts) and the figure modules in ../figures/.
import type { Browser } from 'playwright-core';

/** Numbers a figure adds to its line beyond value and unit (p95, file counts…). */
export type Extras = Readonly<Record<string, number>>;

export interface Measurement {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly extra?: Extras;
}

/** Bounds set by the issue that asked for the figure; absent when it set none. */
export interface Target {
  readonly max?: number;
  readonly min?: number;
  /**
   * What the bounds apply to: the value (when absent), the value's ratio to the baseline
   * (`'ratio'`), or any other name: the figure's extra of that name, for a bound on something
   * other than the baseline (the bytes an update changed, say).
   */
  readonly of?: string;
}

export interface Outcome {
  readonly value: number;
  /** Measured in the same run as value, so the ratio survives a slow or busy machine. */
  readonly baseline: Measurement;
  readonly runs: number;
  readonly extra?: Extras;
}

export interface BenchContext {
  readonly repoRoot: string;
  /** One headless browser, launched on first use and shared by every figure. */
  readonly browser: () => Promise<Browser>;
  /** Progress for humans: stderr, so stdout stays one JSON line per figure. */
  readonly log: (message: string) => void;
}

export interface Figure {
  readonly name: string;
  readonly unit: string;
  readonly target?: Target;
  measure(context: BenchContext): Promise<Outcome>;
}

/**
 * Whether the target holds; `ratio` is value / baseline, undefined when the baseline is zero.
 * A target on an extra the outcome lacks is not met.
 */
export function targetMet(target: Target, value: number, ratio: number | undefined, extra: Extras = {}): boolean {
  const bounded = target.of === undefined ? value : target.of === 'ratio' ? ratio : extra[target.of];
  return bounded !== undefined && meets(bounded, target);
}

export function meets(value: number, target: Target): boolean {
  return (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
}
