import { describe, expect, it } from "vitest";
import { analyzeTelemetry, type TelemetryDayRow } from "./acceptance-analysis.js";

const DAY = 86_400_000;
const monday = Date.UTC(2026, 2, 2);
const rows: TelemetryDayRow[] = [
  { unit: "a", arm: "treatment", day: monday, shown: 10, accepted: 4 },
  { unit: "a", arm: "treatment", day: monday + DAY, shown: 30, accepted: 6 },
  { unit: "b", arm: "treatment", day: monday, shown: 20, accepted: 10 },
  { unit: "c", arm: "control", day: monday + 7 * DAY, shown: 10, accepted: 1 },
  { unit: "d", arm: "control", day: monday + 7 * DAY, shown: 10, accepted: 3 },
];
const options = {
  treatment: "treatment",
  control: "control",
  assigned: new Map([
    ["treatment", 4],
    ["control", 4],
  ]),
  replicates: 300,
  source: "test",
};

describe("analyzeTelemetry", () => {
  it("pools accepted / shown per arm, averages developers' own rates, and counts weekly adoption", () => {
    const report = analyzeTelemetry(rows, options);
    const [treatment, control] = report.arms;
    expect(treatment).toMatchObject({
      shown: 60,
      accepted: 20,
      developers_active: 2,
      developers_assigned: 4,
    });
    expect(treatment?.acceptance_rate).toBeCloseTo(20 / 60, 12);
    expect(treatment?.mean_developer_rate).toBeCloseTo((10 / 40 + 10 / 20) / 2, 12);
    expect(control?.acceptance_rate).toBeCloseTo(0.2, 12);
    expect(report.difference?.estimate).toBeCloseTo(20 / 60 - 0.2, 12);
    expect(report.weekly).toEqual([
      { week: "2026-03-02", arm: "treatment", active_developers: 2, adoption: 0.5, acceptance_rate: 20 / 60 },
      { week: "2026-03-09", arm: "control", active_developers: 2, adoption: 0.5, acceptance_rate: 0.2 },
    ]);
    expect(report.definition).toMatch(/accepted \/ suggestions shown/);
  });

  it("refuses more accepted than shown, naming the developer and day", () => {
    expect(() =>
      analyzeTelemetry([{ unit: "a", arm: "treatment", day: monday, shown: 2, accepted: 3 }], options),
    ).toThrow(/developer "a" on 2026-03-02 has accepted 3 of 2 shown/);
  });
});
