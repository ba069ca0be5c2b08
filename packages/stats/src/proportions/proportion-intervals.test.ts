import { describe, expect, it } from "vitest";
import { StatsInputError } from "../errors.js";
import { newcombeDifferenceInterval, wilsonInterval } from "./proportion-intervals.js";

/** Published values, 4 decimals: Newcombe (1998) Stat. Med. 17:857, Table I (Wilson score, method 3). */
const WILSON: [number, number, [number, number]][] = [
  [81, 263, [0.2553, 0.3662]],
  [15, 148, [0.0624, 0.1605]],
  [0, 20, [0, 0.1611]],
  [1, 29, [0.0061, 0.1718]],
];

/** Newcombe (1998) Stat. Med. 17:873, Table II, method 10 (hybrid score, no continuity correction). */
const NEWCOMBE: [number, number, number, number, [number, number]][] = [
  [56, 70, 48, 80, [0.0524, 0.3339]],
  [9, 10, 3, 10, [0.1705, 0.809]],
  [6, 7, 2, 7, [0.0582, 0.8062]],
  [5, 56, 0, 29, [-0.0381, 0.1926]],
  [0, 10, 0, 20, [-0.1611, 0.2775]],
  [0, 10, 0, 10, [-0.2775, 0.2775]],
  [10, 10, 0, 20, [0.6791, 1]],
];

describe("proportion intervals", () => {
  it.each(WILSON)("Wilson interval of %i/%i matches Newcombe 1998 Table I", (x, n, [lo, hi]) => {
    const [l, u] = wilsonInterval(x, n);
    expect(l).toBeCloseTo(lo, 4);
    expect(u).toBeCloseTo(hi, 4);
  });

  it.each(NEWCOMBE)(
    "difference %i/%i − %i/%i matches Newcombe 1998 Table II, method 10",
    (x1, n1, x2, n2, [lo, hi]) => {
      const [l, u] = newcombeDifferenceInterval(x1, n1, x2, n2);
      expect(l).toBeCloseTo(lo, 4);
      expect(u).toBeCloseTo(hi, 4);
    },
  );

  it("refuses impossible counts", () => {
    expect(() => wilsonInterval(5, 4)).toThrow(StatsInputError);
    expect(() => wilsonInterval(1, 0)).toThrow(StatsInputError);
  });
});
