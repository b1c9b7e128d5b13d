// One figure's stdout line: the fixed fields first, then the figure's own extras.
import { meets, type Figure, type Measurement, type Outcome } from './figure';
import { round } from './stats';

export function reportLine(figure: Figure, outcome: Outcome): string {
  return JSON.stringify({
    name: figure.name,
    value: outcome.value,
    unit: figure.unit,
    baseline: flatten(outcome.baseline),
    ratio: outcome.baseline.value === 0 ? null : round(outcome.value / outcome.baseline.value, 2),
    ...(figure.target ? { target: figure.target, met: meets(outcome.value, figure.target) } : {}),
    runs: outcome.runs,
    ...outcome.extra,
  });
}

function flatten({ name, value, unit, extra }: Measurement): Record<string, unknown> {
  return { name, value, unit, ...extra };
}
