// One figure's stdout line: the fixed fields first, then the figure's own extras.
import { targetMet, type Figure, type Measurement, type Outcome } from './figure';
import { round } from './stats';

export function reportLine(figure: Figure, outcome: Outcome): string {
  const ratio = outcome.baseline.value === 0 ? undefined : outcome.value / outcome.baseline.value;
  return JSON.stringify({
    name: figure.name,
    value: outcome.value,
    unit: figure.unit,
    baseline: flatten(outcome.baseline),
    ratio: ratio === undefined ? null : round(ratio, 2),
    // Judged on the unrounded ratio, so a ratio printed as 0.70 may still fall short of 0.7.
    ...(figure.target ? { target: figure.target, met: targetMet(figure.target, outcome.value, ratio, outcome.extra) } : {}),
    runs: outcome.runs,
    ...outcome.extra,
  });
}

function flatten({ name, value, unit, extra }: Measurement): Record<string, unknown> {
  return { name, value, unit, ...extra };
}
