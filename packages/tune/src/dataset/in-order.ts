/**
 * Results of pool tasks used in the order the tasks were handed out, with at most `limit`
 * waiting: the caller hands out the next task while the pool works on the earlier ones, across
 * inputs too (a repository's last batches run while the next one is listed and started), so
 * the workers do not wait at each repository's end. Per-input steps that must come after that
 * input's results (closing its last sequence) are queued with `afterQueued`.
 */
export class InOrder {
  readonly #limit: number;
  readonly #queue: Array<{ result: Promise<unknown>; use: (value: unknown) => void | Promise<void> }> = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Queues a task's result and what to do with it; waits while more than `limit` are queued. */
  async add<T>(result: Promise<T>, use: (value: T) => void | Promise<void>): Promise<void> {
    result.catch(() => {}); // awaited in order below; this only keeps a failure behind another from going unhandled
    this.#queue.push({ result, use: use as (value: unknown) => void | Promise<void> });
    while (this.#queue.length > this.#limit) await this.#useNext();
  }

  /** Queues a step to run once everything queued before it is used. */
  afterQueued(step: () => void | Promise<void>): Promise<void> {
    return this.add(Promise.resolve(), step);
  }

  /** Uses every queued result. */
  async drain(): Promise<void> {
    while (this.#queue.length > 0) await this.#useNext();
  }

  async #useNext(): Promise<void> {
    const next = this.#queue.shift();
    if (next) await next.use(await next.result);
  }
}
