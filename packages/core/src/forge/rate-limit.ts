/** A pause for a rate limit, reported before the client sleeps. */
export interface RateLimitWait {
  /** `primary`: the hourly quota is spent (`x-ratelimit-remaining: 0`); `secondary`: too fast (`retry-after`). */
  kind: "primary" | "secondary";
  forge: "github" | "gitlab";
  /** When the request is sent again. */
  resumeAt: Date;
  waitMs: number;
  /** The request that hit the limit (no credentials in it). */
  url: string;
}

/** Called when a client starts waiting for a rate limit; the CLI prints it on a TTY. */
export type RateLimitListener = (wait: RateLimitWait) => void;

/** "rate limited, resuming at 14:05" (local time; seconds shown when the wait is under a minute). */
export function formatRateLimitNotice(wait: RateLimitWait): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const at = wait.resumeAt;
  const clock = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const time = wait.waitMs < 60_000 ? `${clock}:${pad(at.getSeconds())}` : clock;
  return `${wait.forge} ${wait.kind} rate limit: rate limited, resuming at ${time}`;
}
