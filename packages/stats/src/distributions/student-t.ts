import { StatsConvergenceError, StatsInputError } from "../errors.js";
import { regularizedBeta } from "../special/incomplete-beta.js";
import { logBeta } from "../special/log-gamma.js";
import { normalQuantile } from "./normal.js";

function assertDf(df: number, fn: string): void {
  if (!(df > 0) || !Number.isFinite(df))
    throw new StatsInputError(`${fn} needs finite degrees of freedom > 0, got ${df}`);
}

/** Student t density f(t; ν) = (1 + t²/ν)^(−(ν+1)/2) / (√ν · B(ν/2, ½)). */
export function studentTPdf(t: number, df: number): number {
  assertDf(df, "studentTPdf");
  return Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - logBeta(df / 2, 0.5));
}

/** P(T > |t|) = ½·I_{ν/(ν+t²)}(ν/2, ½), with both arguments formed without cancellation. */
function tailBeyond(t: number, df: number): number {
  const t2 = t * t;
  const x = 1 / (1 + t2 / df); // ν/(ν+t²)
  const y = 1 / (1 + df / t2); // t²/(ν+t²)
  return 0.5 * regularizedBeta(x, df / 2, 0.5, y).lower;
}

/**
 * Student t distribution function P(T <= t) (or P(T > t) when `lowerTail` is false), ν > 0
 * (fractional allowed), via the regularized incomplete beta function (Abramowitz & Stegun 26.7.1):
 * P(T > |t|) = ½·I_{ν/(ν+t²)}(ν/2, ½). Relative accuracy ~1e-14 in both tails.
 */
export function studentTCdf(t: number, df: number, lowerTail = true): number {
  assertDf(df, "studentTCdf");
  if (Number.isNaN(t)) return Number.NaN;
  if (t === 0) return 0.5;
  const tail = tailBeyond(t, df);
  const towardsT = t > 0 ? !lowerTail : lowerTail;
  return towardsT ? tail : 0.5 - tail + 0.5;
}

/** Initial guess for the t quantile of a small lower-tail probability p (p <= 0.5), returned as |t|. */
function initialGuess(p: number, df: number): number {
  const z = -normalQuantile(p);
  // Cornish–Fisher expansion in 1/ν (Abramowitz & Stegun 26.7.5): good unless ν is small and p tiny.
  const z2 = z * z;
  const cornish =
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df * df) +
    (z * (3 * z2 ** 3 + 19 * z2 * z2 + 17 * z2 - 15)) / (384 * df ** 3);
  // Tail asymptote P(T < −u) ≈ ν^(ν/2 − 1) u^(−ν) / B(ν/2, ½).
  const asymptote = Math.exp(((df - 2) / 2 / df) * Math.log(df) - (Math.log(p) + logBeta(df / 2, 0.5)) / df);
  const guess = Math.max(cornish, asymptote);
  return Number.isFinite(guess) && guess > 0 ? guess : z;
}

/**
 * Student t quantile: the t with P(T <= t) = p (or P(T > t) = p when `lowerTail` is false).
 * Closed forms for ν = 1 and ν = 2; otherwise safeguarded Newton iteration on
 * log P(T < −u) − log p (bisection on log u whenever a step leaves the bracket), started from
 * the larger of the Cornish–Fisher and tail-asymptote guesses. Converges to ~1e-14 relative.
 */
export function studentTQuantile(p: number, df: number, lowerTail = true): number {
  assertDf(df, "studentTQuantile");
  if (Number.isNaN(p)) return Number.NaN;
  if (p < 0 || p > 1) throw new StatsInputError(`studentTQuantile needs 0 <= p <= 1, got ${p}`);
  const lower = lowerTail ? p : 0.5 - p + 0.5;
  if (p === 0) return lowerTail ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (p === 1) return lowerTail ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (lower === 0.5) return 0;
  // Work with the small tail probability s = min(lower, upper) and the sign of the answer.
  const negative = lower < 0.5;
  const s = negative === lowerTail ? p : 0.5 - p + 0.5;
  const u = tailQuantile(s, df);
  return negative ? -u : u;
}

/** u > 0 with P(T > u) = s, 0 < s < 0.5. */
function tailQuantile(s: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * s);
  if (df === 2) return (1 - 2 * s) / Math.sqrt(2 * s * (1 - s));
  const logS = Math.log(s);
  // Bracket [lo, hi] on u with g(lo) > 0 > g(hi), g(u) = log P(T > u) − log s (decreasing in u).
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let u = initialGuess(s, df);
  for (let iteration = 0; iteration < 200; iteration++) {
    const tail = tailBeyond(u, df);
    const g = Math.log(tail) - logS;
    if (g === 0) return u;
    if (g > 0) lo = u;
    else hi = u;
    // Newton step on g: g'(u) = −f(u)/P(T > u).
    let next = u + (g * tail) / studentTPdf(u, df);
    if (!(next > lo && next < hi)) {
      next = hi === Number.POSITIVE_INFINITY ? 2 * u : lo === 0 ? hi / 2 : Math.sqrt(lo * hi);
    }
    // Stop at the noise level of the tail probability (relative 1e-14, absolute 1e-15 near u = 0).
    if (Math.abs(next - u) <= 1e-14 * u || Math.abs(next - u) <= 1e-15) return next;
    u = next;
  }
  if (hi - lo <= 1e-10 * u) return u;
  throw new StatsConvergenceError(`studentTQuantile did not converge for tail probability ${s}, df=${df}`);
}
