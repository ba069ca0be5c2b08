import { formatRateLimitNotice } from "@uplift/core";
import type { ImportProgress } from "@uplift/measure";

/**
 * Progress of a GitHub/GitLab import on a TTY (stderr): a line rewritten per page, and a
 * "rate limited, resuming at HH:MM" line for each rate-limit pause. Nothing when stderr is not
 * a terminal (logs carry the same facts).
 */
export class ForgeProgress {
  #shown = false;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  readonly show = (event: ImportProgress): void => {
    if (event.kind === "rate_limit") {
      this.clear();
      this.stream.write(`${formatRateLimitNotice(event.wait)}\n`);
      return;
    }
    this.stream.write(`\r\x1b[K${event.connector} ${event.resource}: ${event.total} imported`);
    this.#shown = true;
  };

  clear(): void {
    if (this.#shown) this.stream.write("\r\x1b[K");
    this.#shown = false;
  }

  /** A listener when stderr is a terminal, else undefined. */
  static forTty(): ForgeProgress | undefined {
    return process.stderr.isTTY ? new ForgeProgress() : undefined;
  }
}
