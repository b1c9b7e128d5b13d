// Download progress reaches the screen a few times a second, never as one message per piece,
// and the last piece's state is never dropped.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from '../../../electron/core/sync/throttle';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('progress throttling', () => {
  it('reports the first piece at once, then at most once per interval, ending on the latest state', () => {
    const seen: number[] = [];
    let done = 0;
    const report = throttle(() => seen.push(done), 100);
    for (let piece = 1; piece <= 1_000; piece += 1) {
      done = piece;
      report();
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(100);
    expect(seen[0]).toBe(1);
    expect(seen.length).toBeLessThanOrEqual(11);
    expect(seen.at(-1)).toBe(1_000);
  });

  it('sends a waiting report at once when the download ends, and then stays quiet', () => {
    const seen: string[] = [];
    let state = 'first';
    const report = throttle(() => seen.push(state), 100);
    report();
    state = 'last';
    report();
    report.flush();
    expect(seen).toEqual(['first', 'last']);
    vi.advanceTimersByTime(500);
    expect(seen).toEqual(['first', 'last']);
  });
});
