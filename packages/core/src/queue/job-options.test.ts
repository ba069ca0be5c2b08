import { describe, expect, it } from "vitest";
import { InputError } from "../errors.js";
import { backoffDelayMs, resolveEnqueueOptions, toJson } from "./job-options.js";

describe("job options", () => {
  it("fills the defaults: 3 attempts, exponential backoff from 1 s, no delay", () => {
    expect(resolveEnqueueOptions("job")).toEqual({
      idempotencyKey: undefined,
      attempts: 3,
      backoff: { type: "exponential", delayMs: 1000 },
      delayMs: 0,
    });
  });

  it("doubles an exponential backoff after each failure and keeps a fixed one", () => {
    const exponential = { type: "exponential", delayMs: 100 } as const;
    expect([1, 2, 3, 4].map((failed) => backoffDelayMs(exponential, failed))).toEqual([100, 200, 400, 800]);
    expect(backoffDelayMs({ type: "fixed", delayMs: 250 }, 4)).toBe(250);
  });

  it("names the job and the field of an invalid option", () => {
    expect(() => resolveEnqueueOptions("kb.sync", { delayMs: -1 })).toThrow(
      /invalid enqueue options of job "kb.sync": delayMs/,
    );
    expect(() => resolveEnqueueOptions("kb.sync", { retries: 2 } as never)).toThrow(InputError);
  });

  it("copies data as JSON, turning undefined into null and rejecting what JSON cannot hold", () => {
    expect(toJson({ at: new Date(0), skip: undefined }, "data")).toEqual({ at: "1970-01-01T00:00:00.000Z" });
    expect(toJson(undefined, "result")).toBeNull();
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => toJson(cycle, 'data of job "x"')).toThrow(/data of job "x" is not JSON-serialisable/);
  });
});
