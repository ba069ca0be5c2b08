import { describe, expect, it } from "vitest";
import { trendPoints } from "./trend-points.js";

describe("trendPoints", () => {
  it("orders weeks and scales from zero to the largest value", () => {
    const points = trendPoints(
      [
        { week: "2026-W03", value: 0 },
        { week: "2026-W01", value: 10 },
        { week: "2026-W02", value: 5 },
      ],
      104,
      44,
    );
    expect(points).toBe("4,4 52,22 100,40");
  });

  it("centres a single week and draws nothing without weeks", () => {
    expect(trendPoints([{ week: "2026-W01", value: 3 }], 100, 40)).toBe("50,4");
    expect(trendPoints([], 100, 40)).toBe("");
  });

  it("puts all-zero weeks on the baseline", () => {
    expect(
      trendPoints(
        [
          { week: "a", value: 0 },
          { week: "b", value: 0 },
        ],
        20,
        10,
        0,
      ),
    ).toBe("0,10 20,10");
  });
});
