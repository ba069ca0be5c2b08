import { describe, expect, it } from "vitest";
import { expectAllClose, readReference } from "../../reference/reference.js";
import { StatsInputError } from "../errors.js";
import { clusterRobustCovariance } from "./cluster-covariance.js";
import { clusterRobustTest } from "./cluster-robust-test.js";
import { cr2SatterthwaiteDf } from "./cr2-satterthwaite.js";
import { heteroskedasticCovariance } from "./heteroskedastic-covariance.js";
import { ols } from "./ols.js";

interface OlsCase {
  name: string;
  y: number[];
  X: number[][];
  cluster: number[];
  coefficients: number[];
  residuals: number[];
  sigma2: number;
  vcovClassical: number[][];
  HC0: number[][];
  HC1: number[][];
  HC2: (number | null)[][];
  HC3: (number | null)[][];
  CR0: number[][];
  CR1: number[][];
  CR1S: number[][];
  CR2: number[][];
  cr2Df: number[];
  cr2P: number[];
  cr1P: number[];
  cr1Df: number[];
}

const reference = readReference<{ cases: OlsCase[] }>("ols");

describe.each(reference.cases)("OLS on $name (R lm, sandwich, clubSandwich)", (c) => {
  const fit = ols(c.y, c.X);

  it("matches lm coefficients, residuals, σ² and classical covariance", () => {
    expectAllClose(fit.coefficients, c.coefficients, 1e-9);
    expectAllClose(fit.residuals, c.residuals, 1e-9, 1e-12);
    expectAllClose(fit.sigma2, c.sigma2, 1e-9);
    expectAllClose(fit.covariance, c.vcovClassical, 1e-9);
  });

  it.each(["HC0", "HC1", "HC2", "HC3"] as const)("matches sandwich::vcovHC(type = %s)", (type) => {
    const expected = c[type];
    if (expected.flat().some((v) => v === null)) {
      // sandwich returns NaN when an observation has leverage 1; we refuse instead.
      expect(() => heteroskedasticCovariance(c.X, fit, type)).toThrow(/leverage 1/);
    } else {
      expectAllClose(heteroskedasticCovariance(c.X, fit, type), expected, 1e-9);
    }
  });

  it("matches vcovCL for CR0 and CR1 (Stata factor), and clubSandwich CR1S", () => {
    expectAllClose(clusterRobustCovariance(c.X, fit, c.cluster, "CR0").covariance, c.CR0, 1e-9);
    const cr1 = clusterRobustCovariance(c.X, fit, c.cluster, "CR1");
    expectAllClose(cr1.covariance, c.CR1, 1e-9);
    expectAllClose(cr1.covariance, c.CR1S, 1e-9);
  });

  it("matches clubSandwich CR2 (Bell–McCaffrey) covariance", () => {
    expectAllClose(clusterRobustCovariance(c.X, fit, c.cluster, "CR2").covariance, c.CR2, 1e-9);
  });

  it("matches clubSandwich coef_test Satterthwaite df and p-values for every coefficient", () => {
    c.cr2Df.forEach((df, j) => {
      const contrast = c.coefficients.map((_, i) => (i === j ? 1 : 0));
      expectAllClose(cr2SatterthwaiteDf(c.X, fit, c.cluster, contrast), df, 1e-8, 0, `df[${j}]`);
      expectAllClose(clusterRobustTest(c.X, fit, c.cluster, j).pValue, c.cr2P[j], 1e-7, 0, `p[${j}]`);
    });
  });

  it("uses G − 1 degrees of freedom with CR1, as coef_test(test = 'naive-t')", () => {
    c.cr1P.forEach((p, j) => {
      const test = clusterRobustTest(c.X, fit, c.cluster, j, { type: "CR1" });
      expect(test.df).toBe(c.cr1Df[j]);
      expectAllClose(test.pValue, p, 1e-7, 0, `p[${j}]`);
    });
  });
});

describe("ols input checks", () => {
  it("names the collinear column of a rank-deficient design", () => {
    const x = [
      [1, 2, 4],
      [1, 3, 6],
      [1, 5, 10],
      [1, 7, 14],
    ];
    expect(() => ols([1, 2, 3, 4], x, ["intercept", "size", "size2"])).toThrow(
      /size2 is a linear combination/,
    );
  });

  it("rejects a y whose length differs from X's rows", () => {
    expect(() => ols([1, 2], [[1], [1], [1]])).toThrow(StatsInputError);
  });
});
