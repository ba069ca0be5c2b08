import { describe, expect, it } from "vitest";
import { expectClose, readReference } from "../../reference/reference.js";
import { logBeta, logGamma } from "./log-gamma.js";

const r = readReference<{ lgamma: [number, number][]; lbeta: [number, number, number][] }>("distributions");
const hp = readReference<{ lgamma: [number, number][] }>("high-precision");

describe("log-gamma and log-beta", () => {
  it("logGamma matches R lgamma from 1e-8 to 1e15 (relative 1e-12; R itself is ~1e-13 near 1 and 2)", () => {
    for (const [x, expected] of r.lgamma) expectClose(logGamma(x), expected, 1e-12, 0, `lgamma(${x})`);
  });

  it("logGamma keeps 1e-14 relative precision next to its roots at 1 and 2 (40-digit mpmath)", () => {
    for (const [x, expected] of hp.lgamma) expectClose(logGamma(x), expected, 1e-14, 0, `lgamma(${x})`);
  });

  it("logBeta matches R lbeta to 1e-12, including a = 1e5 where the naive sum cancels", () => {
    for (const [a, b, expected] of r.lbeta)
      expectClose(logBeta(a, b), expected, 1e-12, 1e-14, `lbeta(${a}, ${b})`);
  });

  it("rejects x <= 0", () => {
    expect(() => logGamma(0)).toThrow(/x > 0/);
  });
});
