import { describe, expect, it } from "vitest";
import { expectClose, readReference } from "../../reference/reference.js";
import { StatsInputError } from "../errors.js";
import { standardizedMeanDifference } from "./standardized-mean-difference.js";
import { varianceComponents } from "./variance-components.js";

interface SmdCase {
  name: string;
  x: number[];
  y: number[];
  smd: number;
}
interface VarianceCase {
  name: string;
  values: number[];
  clusters: number[];
  meanSquareBetween: number;
  meanSquareWithin: number;
  n0: number;
  between: number;
  within: number;
  icc: number;
}
const reference = readReference<{ smd: SmdCase[]; varianceComponents: VarianceCase[] }>(
  "balance-and-clustering",
);

describe.each(reference.smd)("standardized mean difference of $name against R", (c) => {
  it("matches (mean(x) − mean(y))/sqrt((var(x) + var(y))/2)", () => {
    expectClose(standardizedMeanDifference(c.x, c.y), c.smd, 1e-10);
  });
  it("changes sign when the samples swap", () => {
    expectClose(standardizedMeanDifference(c.y, c.x), -c.smd, 1e-10);
  });
});

describe("standardized mean difference input checks", () => {
  it("refuses two constant samples instead of returning a non-finite number", () => {
    expect(() => standardizedMeanDifference([2, 2], [3, 3])).toThrow(StatsInputError);
  });
  it("needs two values per sample", () => {
    expect(() => standardizedMeanDifference([1], [1, 2])).toThrow(/at least 2/);
  });
});

describe.each(reference.varianceComponents)("variance components of $name against R anova(lm)", (c) => {
  it("matches the mean squares, n0, sigma² between/within and the ICC", () => {
    const v = varianceComponents(c.values, c.clusters);
    expectClose(v.meanSquareBetween, c.meanSquareBetween, 1e-10);
    expectClose(v.meanSquareWithin, c.meanSquareWithin, 1e-10);
    expectClose(v.n0, c.n0, 1e-12);
    expectClose(v.between, c.between, 1e-9, 1e-15);
    expectClose(v.within, c.within, 1e-10);
    expectClose(v.icc, c.icc, 1e-9, 1e-15);
  });
  it("does not depend on the order of the observations", () => {
    const order = c.values.map((_, i) => i).reverse();
    const v = varianceComponents(
      order.map((i) => c.values[i] as number),
      order.map((i) => c.clusters[i] as number),
    );
    expectClose(v.icc, c.icc, 1e-9, 1e-15);
  });
});

describe("variance components input checks", () => {
  it("needs two clusters and more observations than clusters", () => {
    expect(() => varianceComponents([1, 2, 3], ["a", "a", "a"])).toThrow(/2 clusters/);
    expect(() => varianceComponents([1, 2], ["a", "b"])).toThrow(/more observations than clusters/);
  });
  it("refuses constant data", () => {
    expect(() => varianceComponents([1, 1, 1, 1], ["a", "a", "b", "b"])).toThrow(StatsInputError);
  });
});
