import { mean, standardDeviation, studentTCdf } from "@uplift/stats";
import { describe, expect, it } from "vitest";
import { standardErrorFromP, summaryMatchedSample } from "./summary-matched-sample.js";

describe("summaryMatchedSample", () => {
  it("has exactly the requested mean and standard deviation, all values positive and right-skewed", () => {
    const values = summaryMatchedSample(35, 71.17, 72.6, 1);
    expect(mean(values)).toBeCloseTo(71.17, 10);
    expect(standardDeviation(values)).toBeCloseTo(72.6, 10);
    expect(Math.min(...values)).toBeGreaterThan(0);
    const sorted = [...values].sort((a, b) => a - b);
    expect(sorted[17]).toBeLessThan(71.17); // median below the mean
  });

  it("refuses moments that need a non-positive value", () => {
    expect(() => summaryMatchedSample(35, 10, 50, 0.3)).toThrow(/raise logSd/);
  });
});

describe("standardErrorFromP", () => {
  it("inverts the pooled t test: the implied t statistic gives back the published p-value", () => {
    const se = standardErrorFromP(-89.72, 0.0017, 68);
    expect(2 * studentTCdf(-89.72 / se, 68)).toBeCloseTo(0.0017, 12);
  });
});
