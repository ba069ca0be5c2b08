import { describe, it } from "vitest";
import { expectAllClose, expectClose, readReference } from "../../reference/reference.js";
import type { Alternative } from "./t-test-from-estimate.js";
import { welchTTest } from "./welch-t-test.js";

type RAlternative = "two.sided" | "less" | "greater";

interface WelchCase {
  name: string;
  x: number[];
  y: number[];
  alternative: RAlternative;
  mu: number;
  confLevel: number;
  statistic: number;
  df: number;
  pValue: number;
  confInt: [number, number];
  estimate: [number, number];
  stderr: number;
}

const r = readReference<{ welch: WelchCase[] }>("hypothesis");
const alternativeOf = (a: RAlternative): Alternative => (a === "two.sided" ? "two-sided" : a);

describe.each(r.welch)("welchTTest: $name (R t.test)", (c) => {
  it("matches statistic, Welch–Satterthwaite df, p-value, CI and standard error", () => {
    const result = welchTTest(c.x, c.y, {
      alternative: alternativeOf(c.alternative),
      nullValue: c.mu,
      confLevel: c.confLevel,
    });
    expectClose(result.statistic, c.statistic, 1e-12);
    expectClose(result.df, c.df, 1e-12);
    expectClose(result.pValue, c.pValue, 1e-10);
    expectAllClose(result.confidenceInterval, c.confInt, 1e-10);
    expectAllClose([result.meanX, result.meanY], c.estimate, 1e-14);
    expectClose(result.standardError, c.stderr, 1e-13);
  });
});
