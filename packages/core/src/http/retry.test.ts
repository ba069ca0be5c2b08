import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfterMs, retryDelayMs, sleep } from "./retry.js";

describe("parseRetryAfterMs", () => {
  it("reads delay-seconds, an HTTP date and OpenAI's retry-after-ms", () => {
    const now = Date.parse("2026-11-26T10:00:00Z");
    expect(parseRetryAfterMs(new Headers({ "retry-after": "2" }), now)).toBe(2000);
    expect(parseRetryAfterMs(new Headers({ "retry-after": "Thu, 26 Nov 2026 10:00:05 GMT" }), now)).toBe(
      5000,
    );
    expect(parseRetryAfterMs(new Headers({ "retry-after": "Thu, 26 Nov 2026 09:00:00 GMT" }), now)).toBe(0);
    expect(parseRetryAfterMs(new Headers({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
  });

  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfterMs(new Headers())).toBeUndefined();
    expect(parseRetryAfterMs(new Headers({ "retry-after": "soon" }))).toBeUndefined();
  });
});

describe("retryDelayMs", () => {
  const policy = DEFAULT_RETRY_POLICY;

  it("honours Retry-After up to the cap", () => {
    expect(retryDelayMs(0, 1500, policy)).toBe(1500);
    expect(retryDelayMs(0, 3_600_000, policy)).toBe(policy.maxDelayMs);
  });

  it("backs off exponentially with jitter between half and all of base·2^retry", () => {
    expect(retryDelayMs(0, undefined, policy, () => 0)).toBe(250);
    expect(retryDelayMs(0, undefined, policy, () => 1)).toBe(500);
    expect(retryDelayMs(2, undefined, policy, () => 0)).toBe(1000);
    expect(retryDelayMs(2, undefined, policy, () => 0.999)).toBeLessThanOrEqual(2000);
    expect(retryDelayMs(20, undefined, policy, () => 1)).toBe(policy.maxDelayMs);
  });
});

describe("isRetryableStatus", () => {
  it("retries rate limits and server errors only", () => {
    expect([429, 500, 502, 503].map(isRetryableStatus)).toEqual([true, true, true, true]);
    expect([400, 401, 404, 422].map(isRetryableStatus)).toEqual([false, false, false, false]);
  });
});

describe("sleep", () => {
  it("rejects with the abort reason", async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
  });
});
