/**
 * Calls `report` at most once every `ms`: the first call at once, the last one of a burst
 * when its time comes. A download hears of every 64 KiB that arrives, thousands a second on a
 * fast line; the screen needs a few updates a second, not one message per piece.
 */
export interface Throttled {
  (): void;
  /** Calls `report` now if a call is waiting, and stops the timer (at the end of a download). */
  flush(): void;
}

export function throttle(report: () => void, ms: number): Throttled {
  let last = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = undefined;
    last = performance.now();
    report();
  };
  const throttled = () => {
    if (timer) return;
    const wait = last + ms - performance.now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  };
  throttled.flush = () => {
    if (timer) fire();
  };
  return throttled;
}
