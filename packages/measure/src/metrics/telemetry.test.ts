import { describe, expect, it } from "vitest";
import type { TelemetryFact } from "./facts.js";
import { computeMetrics } from "./registry.js";
import type { MetricOptions } from "./types.js";

const day = (user: string, date: string, shown: number, accepted: number): TelemetryFact => ({
  user,
  day: Date.parse(`${date}T00:00:00Z`),
  shown,
  accepted,
});

const telemetry = [
  day("ann", "2025-03-03", 100, 30),
  day("ann", "2025-03-04", 0, 0),
  day("bob", "2025-03-03", 10, 10),
  day("cy", "2025-03-12", 50, 5),
  day("ann", "2025-03-12", 40, 20),
];

function run(name: string, options: MetricOptions = {}) {
  return computeMetrics(
    { prs: [], deployments: [], incidents: [], telemetry },
    { ...options, metrics: [name] },
  ).metrics;
}

describe("assistant telemetry", () => {
  it("sums suggestions shown and accepted over user-days", () => {
    expect(run("suggestions_shown")[0]).toMatchObject({ value: 200, n: 5 });
    expect(run("suggestions_accepted")[0]).toMatchObject({ value: 65, n: 5 });
  });

  it("pools the acceptance rate (Σ accepted / Σ shown), not a mean of per-user rates", () => {
    const [row] = run("acceptance_rate");
    expect(row?.value).toBeCloseTo(65 / 200, 12);
    expect(row?.definition).toMatch(/not a mean of per-user rates/);
    expect(run("acceptance_rate", { groupBy: "author" }).map((r) => [r.group, r.value])).toEqual([
      ["ann", 50 / 140],
      ["bob", 1],
      ["cy", 0.1],
    ]);
  });

  it("counts active users (≥ 1 suggestion shown) per week", () => {
    expect(run("active_users", { groupBy: "week" }).map((r) => [r.group, r.value])).toEqual([
      ["2025-W10", 2],
      ["2025-W11", 2],
    ]);
  });

  it("counts users active in a period and in the period before it", () => {
    const fromMs = Date.parse("2025-03-10T00:00:00Z");
    const toMs = Date.parse("2025-03-17T00:00:00Z");
    // P = W11 (ann, cy); previous 7 days = W10 (ann, bob): ann retained
    expect(run("retained_users", { fromMs, toMs })[0]).toMatchObject({
      value: 1,
      n: 2,
      previous_active: 2,
      retention_rate: 0.5,
    });
    expect(run("retained_users", { groupBy: "week" }).map((r) => [r.group, r.value, r.n])).toEqual([
      ["2025-W10", 0, 2],
      ["2025-W11", 1, 2],
    ]);
  });
});
