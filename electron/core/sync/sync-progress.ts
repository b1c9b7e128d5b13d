// One progress counter for a whole sync: the bytes and files of every pack it installs
// together, so the bar fills once from empty to full instead of starting over per pack. The
// title names the pack being fetched now.
import { throttle, type Throttled } from './throttle';

export interface SyncProgress {
  /** The pack whose files are coming now. */
  readonly packId: string;
  readonly title: string;
  /** Of the whole sync, every pack together. */
  readonly doneBytes: number;
  readonly totalBytes: number;
  readonly doneFiles: number;
  readonly totalFiles: number;
  readonly bytesPerSecond: number;
  readonly secondsLeft: number | null;
}

/** How often a download tells the screen how far it is. */
const progressEveryMs = 100;
const speedBucketMs = 250;
const speedWindowMs = 5_000;

export class RunProgress {
  readonly #onProgress: (progress: SyncProgress) => void;
  readonly #meter: SpeedMeter;
  readonly #report: Throttled;
  #totalBytes: number;
  #totalFiles: number;
  #doneBytes = 0;
  #doneFiles = 0;
  #pack = { id: '', title: '' };

  /** `totalBytes` and `totalFiles`: what every pack of the run needs, each file counted once. */
  constructor(totalBytes: number, totalFiles: number, clock: () => Date, onProgress: (progress: SyncProgress) => void) {
    this.#totalBytes = totalBytes;
    this.#totalFiles = totalFiles;
    this.#onProgress = onProgress;
    this.#meter = new SpeedMeter(clock);
    this.#report = throttle(() => this.#send(), progressEveryMs);
  }

  /** The files that come next are this pack's. */
  pack(id: string, title: string): void {
    this.#pack = { id, title };
  }

  /** Bytes received from the hub. */
  received(count: number): void {
    this.#doneBytes += count;
    this.#meter.add(count);
    this.#report();
  }

  /** Bytes an earlier, stopped sync had brought: done, without counting towards the speed. */
  held(count: number): void {
    this.#doneBytes += count;
    this.#report();
  }

  fileDone(): void {
    this.#doneFiles += 1;
    this.#report();
  }

  /** What was counted done so far, bytes and files, before clamping to the totals. */
  counted(): { bytes: number; files: number } {
    return { bytes: this.#doneBytes, files: this.#doneFiles };
  }

  /** A pack failed: what it still lacked will not come in this run. */
  drop(bytes: number, files: number): void {
    this.#totalBytes = Math.max(this.#doneBytes, this.#totalBytes - bytes);
    this.#totalFiles = Math.max(this.#doneFiles, this.#totalFiles - files);
    this.#report();
  }

  /** Sends what waits at once: the last report of a pack is its complete one. */
  flush(): void {
    this.#report.flush();
  }

  #send(): void {
    const bytesPerSecond = this.#meter.rate();
    // At most the total: a part that turns out wrong is fetched again, counted twice.
    const done = Math.min(this.#doneBytes, this.#totalBytes);
    this.#onProgress({
      packId: this.#pack.id,
      title: this.#pack.title,
      doneBytes: done,
      totalBytes: this.#totalBytes,
      doneFiles: Math.min(this.#doneFiles, this.#totalFiles),
      totalFiles: this.#totalFiles,
      bytesPerSecond,
      secondsLeft: bytesPerSecond > 0 ? Math.ceil((this.#totalBytes - done) / bytesPerSecond) : null,
    });
  }
}

/**
 * Bytes per second over the last few seconds, for "time left". Counted in quarter-second
 * buckets: a fast download adds thousands of pieces a second, and the rate is read as often.
 */
class SpeedMeter {
  readonly #clock: () => Date;
  readonly #buckets: { at: number; bytes: number }[] = [];
  #windowBytes = 0;
  #lastAt = 0;

  constructor(clock: () => Date) {
    this.#clock = clock;
  }

  add(bytes: number): void {
    const now = this.#clock().getTime();
    const at = now - (now % speedBucketMs);
    const last = this.#buckets.at(-1);
    if (last?.at === at) last.bytes += bytes;
    else this.#buckets.push({ at, bytes });
    this.#windowBytes += bytes;
    this.#lastAt = now;
    while ((this.#buckets[0]?.at ?? now) < now - speedWindowMs) this.#windowBytes -= this.#buckets.shift()?.bytes ?? 0;
  }

  rate(): number {
    const first = this.#buckets[0];
    if (!first || this.#lastAt <= first.at) return 0;
    return Math.round((this.#windowBytes * 1000) / (this.#lastAt - first.at));
  }
}
