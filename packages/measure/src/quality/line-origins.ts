/** Origin of a line whose writer is not known (before the analysed history, or after a binary edit). */
export const UNKNOWN_ORIGIN = -1;

/** Called for each run of lines a splice removes: `count` lines written by landing `origin`. */
export type OnRemoved = (origin: number, count: number) => void;

/**
 * Which landing wrote each line of one file, as runs of equal origin (an interval list: a file
 * edited by 30 landings has ~30 runs, not one entry per line). Blame-style tracking without
 * `git blame`: a diff hunk is a splice of the runs.
 */
export class LineOrigins {
  #lengths: number[] = [];
  #origins: number[] = [];
  #total = 0;

  get lineCount(): number {
    return this.#total;
  }

  get runCount(): number {
    return this.#lengths.length;
  }

  /** The runs as [length, origin] pairs (tests, debugging). */
  runs(): [number, number][] {
    return this.#lengths.map((length, i) => [length, this.#origins[i] as number]);
  }

  /**
   * Replaces `removeCount` lines from 0-based line `at` by `insertCount` lines of `origin`.
   * Lines past the known end (a file whose start was not seen) are taken as UNKNOWN_ORIGIN.
   */
  splice(at: number, removeCount: number, insertCount: number, origin: number, onRemoved?: OnRemoved): void {
    const end = at + removeCount;
    if (end > this.#total) this.#insert(this.#lengths.length, end - this.#total, UNKNOWN_ORIGIN);
    const first = this.#splitAt(at);
    let i = first;
    let left = removeCount;
    while (left > 0) {
      const length = this.#lengths[i] as number;
      if (length > left) {
        this.#lengths[i] = length - left;
        onRemoved?.(this.#origins[i] as number, left);
        break;
      }
      onRemoved?.(this.#origins[i] as number, length);
      left -= length;
      i++;
    }
    this.#lengths.splice(first, i - first);
    this.#origins.splice(first, i - first);
    this.#total -= removeCount;
    if (insertCount > 0) this.#insert(first, insertCount, origin);
  }

  /** Every line's removal (a deleted file). */
  clear(onRemoved?: OnRemoved): void {
    if (onRemoved)
      for (let i = 0; i < this.#lengths.length; i++)
        onRemoved(this.#origins[i] as number, this.#lengths[i] as number);
    this.#lengths = [];
    this.#origins = [];
    this.#total = 0;
  }

  /** Index of the run that starts at line `at` (splitting a run when `at` falls inside it). */
  #splitAt(at: number): number {
    let start = 0;
    for (let i = 0; i < this.#lengths.length; i++) {
      const length = this.#lengths[i] as number;
      if (at === start) return i;
      if (at < start + length) {
        const head = at - start;
        this.#lengths.splice(i, 1, head, length - head);
        this.#origins.splice(i + 1, 0, this.#origins[i] as number);
        return i + 1;
      }
      start += length;
    }
    return this.#lengths.length;
  }

  #insert(i: number, count: number, origin: number): void {
    this.#total += count;
    if (i > 0 && this.#origins[i - 1] === origin) {
      this.#lengths[i - 1] = (this.#lengths[i - 1] as number) + count;
    } else if (i < this.#origins.length && this.#origins[i] === origin) {
      this.#lengths[i] = (this.#lengths[i] as number) + count;
    } else {
      this.#lengths.splice(i, 0, count);
      this.#origins.splice(i, 0, origin);
    }
  }
}
