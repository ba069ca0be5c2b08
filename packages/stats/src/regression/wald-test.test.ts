import { describe, expect, it } from "vitest";
import { studentTCdf } from "../distributions/student-t.js";
import { StatsInputError } from "../errors.js";
import { clusterRobustCovariance } from "./cluster-covariance.js";
import { ols } from "./ols.js";
import { waldTest } from "./wald-test.js";

// A small clustered design: 6 clusters, intercept, arm, covariate.
const clusters = [0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5];
const arm = clusters.map((c) => (c % 2 === 1 ? 1 : 0));
const cov = [1.2, 0.4, 2.2, 3.1, 0.7, 1.9, 2.5, 0.3, 1.1, 2.8, 0.9, 1.4, 2.0, 0.6, 1.7];
const y = [2.1, 1.4, 3.0, 3.9, 1.8, 2.6, 3.4, 1.2, 2.2, 3.6, 1.9, 2.0, 2.9, 1.5, 2.4];
const x = arm.map((a, i) => [1, a, cov[i] as number]);

describe("waldTest", () => {
  it("with one restriction equals the squared t statistic, its p-value the two-sided t p-value", () => {
    const fit = ols(y, x);
    const v = clusterRobustCovariance(x, fit, clusters, "CR1");
    const t = (fit.coefficients[1] as number) / (v.standardErrors[1] as number);
    const result = waldTest(fit.coefficients, v.covariance, [[0, 1, 0]], 5);
    expect(result.fStatistic).toBeCloseTo(t * t, 12);
    expect(result.pValue).toBeCloseTo(2 * studentTCdf(-Math.abs(t), 5), 12);
  });

  it("with a diagonal covariance is the sum of squared z scores (independent restrictions)", () => {
    const result = waldTest(
      [0.5, -1.2, 3],
      [
        [0.04, 0, 0],
        [0, 0.09, 0],
        [0, 0, 1],
      ],
      [
        [1, 0, 0],
        [0, 1, 0],
      ],
      20,
    );
    expect(result.chiSquare).toBeCloseTo(0.25 / 0.04 + 1.44 / 0.09, 12);
    expect(result.df1).toBe(2);
    expect(result.fStatistic).toBeCloseTo(result.chiSquare / 2, 12);
  });

  it("tests a difference against a value: β₀ − β₁ = r", () => {
    const v = [
      [1, 0.5],
      [0.5, 2],
    ];
    // Var(β₀ − β₁) = 1 + 2 − 2·0.5 = 2; (3 − 1 − 0.5)² / 2 = 1.125
    const result = waldTest([3, 1], v, [[1, -1]], 10, [0.5]);
    expect(result.chiSquare).toBeCloseTo(1.125, 12);
  });

  it("refuses repeated restrictions (singular R V Rᵀ) and mismatched sizes", () => {
    expect(() =>
      waldTest(
        [1, 2],
        [
          [1, 0],
          [0, 1],
        ],
        [
          [1, 0],
          [2, 0],
        ],
        5,
      ),
    ).toThrow(StatsInputError);
    expect(() =>
      waldTest(
        [1, 2],
        [
          [1, 0],
          [0, 1],
        ],
        [[1, 0, 0]],
        5,
      ),
    ).toThrow(/restriction needs 2/);
  });
});
