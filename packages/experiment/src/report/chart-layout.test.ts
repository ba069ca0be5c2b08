import { describe, expect, it } from "vitest";
import { niceTicks, stripLayout, trendLayout } from "./chart-layout.js";
import { stripPlot, trendChart } from "./svg-charts.js";

describe("niceTicks", () => {
  it("steps by 1, 2, 2.5 or 5 × 10^k and covers the range", () => {
    expect(niceTicks(-0.35, 0.11)).toEqual([-0.3, -0.2, -0.1, 0, 0.1]);
    expect(niceTicks(0, 10)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });
});

describe("stripLayout", () => {
  it("puts each arm's median bar at its median on a log axis, lower values left", () => {
    const layout = stripLayout({ treatment: [1, 2, 4], control: [4, 8, 16, 32] }, true);
    if (!layout) throw new Error("no layout");
    const [control, treatment] = layout.arms;
    expect(treatment?.median).toBe(2);
    expect(control?.median).toBe(12);
    // log axis from 1 to 32: x = 90 + log(v) / log(32) × 610
    expect(treatment?.median_x).toBeCloseTo(90 + (Math.log(2) / Math.log(32)) * 610, 9);
    expect(layout.axis.map((a) => a.value)).toEqual([1, Math.sqrt(32), 32].map((v) => expect.closeTo(v, 9)));
    expect(control?.dots.map((d) => d.x)).toEqual(
      [...(control?.dots.map((d) => d.x) ?? [])].sort((a, b) => a - b),
    );
  });

  it("is undefined without values and leaves out an empty arm", () => {
    expect(stripLayout({ treatment: [], control: [] }, false)).toBeUndefined();
    expect(stripLayout({ treatment: [1], control: [] }, false)?.arms.map((a) => a.arm)).toEqual([
      "treatment",
    ]);
    expect(stripPlot({ treatment: [1], control: [] }, false)).not.toContain("NaN");
  });
});

describe("trendLayout", () => {
  const points = ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"].flatMap((week, i) => [
    { week, arm: "control" as const, rows: 3, value: 10 },
    { week, arm: "treatment" as const, rows: 3, value: 10 - i },
  ]);

  it("shades the ramp-up from its first to its last day on the weekly axis", () => {
    const layout = trendLayout(points, { from: "2026-01-05", to: "2026-01-19" });
    const ramp = layout?.ramp_up;
    if (!layout || !ramp) throw new Error("no ramp-up band");
    const x = (week: string) => layout.series[0]?.points.find((p) => p.week === week)?.x;
    expect(ramp.x).toBe(x("2026-01-05"));
    expect(ramp.x + ramp.width).toBeCloseTo(x("2026-01-19") ?? Number.NaN, 9);
    // the highest value at the top, the lowest at the bottom
    expect(layout.values).toEqual([
      { value: 7, y: 180 },
      { value: 10, y: 20 },
    ]);
  });

  it("draws the same marks in the HTML report", () => {
    const svg = trendChart(points, { from: "2026-01-05", to: "2026-01-19" });
    const layout = trendLayout(points, { from: "2026-01-05", to: "2026-01-19" });
    expect(svg).toContain(`<rect x="${layout?.ramp_up?.x}" y="15" width="${layout?.ramp_up?.width}"`);
    expect(svg.match(/<circle /g)?.length).toBe(points.length);
    expect(trendLayout([], undefined)).toBeUndefined();
  });
});
