import { StatsConvergenceError, StatsInputError } from "../errors.js";
import { regularizedBeta } from "../special/incomplete-beta.js";
import { logGamma } from "../special/log-gamma.js";
import { normalCdf } from "./normal.js";
import { studentTCdf } from "./student-t.js";

const SQRT_2_OVER_PI = 0.7978845608028654;
const LN_SQRT_PI = 0.5723649429247001;

/**
 * Noncentral t distribution function P(T <= t; ν, δ) (or its upper tail), by Lenth's (1989)
 * Algorithm AS 243 (Applied Statistics 38:185–189) with Guenther's twin series, as R's `pt(ncp=)`;
 * absolute error < 1e-12. Used for t-test power.
 */
export function noncentralTCdf(t: number, df: number, ncp: number, lowerTail = true): number {
  if (!(df > 0) || !Number.isFinite(df))
    throw new StatsInputError(`noncentralTCdf needs finite df > 0, got ${df}`);
  if (!Number.isFinite(ncp))
    throw new StatsInputError(`noncentralTCdf needs a finite noncentrality, got ${ncp}`);
  if (ncp === 0) return studentTCdf(t, df, lowerTail);
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return t < 0 === lowerTail ? 0 : 1;
  // P(T <= t; δ) for t < 0 equals P(T >= −t; −δ): reflect so that tt >= 0.
  const negate = t < 0;
  const tt = negate ? -t : t;
  const del = negate ? -ncp : ncp;
  const wantLower = lowerTail !== negate;
  if (df > 4e5 || del * del > 1415) {
    // Abramowitz & Stegun 26.7.10 normal approximation (R does the same): the series would underflow.
    const s4 = 1 / (4 * df);
    return normalCdf((tt * (1 - s4) - del) / Math.sqrt(1 + tt * tt * 2 * s4), wantLower);
  }
  let tnc = 0;
  if (tt > 0) {
    const x = (tt * tt) / (tt * tt + df);
    const lambda = del * del;
    let p = 0.5 * Math.exp(-0.5 * lambda);
    let q = SQRT_2_OVER_PI * p * del;
    let s = 0.5 - p;
    if (s < 1e-7) s = -0.5 * Math.expm1(-0.5 * lambda);
    let a = 0.5;
    const b = 0.5 * df;
    const rxb = (df / (tt * tt + df)) ** b;
    const logBetaHalf = LN_SQRT_PI + logGamma(b) - logGamma(0.5 + b);
    let xodd = regularizedBeta(x, a, b, df / (tt * tt + df)).lower;
    let godd = 2 * rxb * Math.exp(a * Math.log(x) - logBetaHalf);
    const bx = b * x;
    let xeven = bx < Number.EPSILON ? bx : 1 - rxb;
    let geven = bx * rxb;
    tnc = p * xodd + q * xeven;
    let converged = false;
    for (let it = 1; it <= 1000; it++) {
      a += 1;
      xodd -= godd;
      xeven -= geven;
      godd *= (x * (a + b - 1)) / a;
      geven *= (x * (a + b - 0.5)) / (a + 0.5);
      p *= lambda / (2 * it);
      q *= lambda / (2 * it + 1);
      tnc += p * xodd + q * xeven;
      s -= p;
      if (s < -1e-10 || (s <= 0 && it > 1) || Math.abs(2 * s * (xodd - godd)) < 1e-12) {
        converged = true;
        break;
      }
    }
    if (!converged) {
      throw new StatsConvergenceError(`noncentralTCdf did not converge for t=${t}, df=${df}, ncp=${ncp}`);
    }
  }
  tnc += normalCdf(-del);
  const lower = Math.min(tnc, 1);
  // `lower` is P(T <= tt; del); after reflection it is the upper tail of the original.
  return wantLower ? lower : 1 - lower;
}
