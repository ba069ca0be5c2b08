import { noncentralTCdf } from "../distributions/noncentral-t.js";
import { studentTQuantile } from "../distributions/student-t.js";
import { StatsInputError } from "../errors.js";
import { assertOpenProbability, assertPositive } from "../input-checks.js";
import { brentRoot } from "../numeric/brent-root.js";

/** A two-arm design with equal arms, continuous outcome. */
export interface TwoSampleDesign {
  /** Observations per arm (developers; with `clusterSize` > 1, e.g. PRs: clusters × clusterSize). */
  nPerArm: number;
  /** Outcome standard deviation (between observations, before any covariate adjustment). */
  sd: number;
  /** Significance level. Default 0.05. */
  alpha?: number;
  /** Default "two-sided" (the power of the far tail is ignored, as R's `strict = FALSE`). */
  alternative?: "two-sided" | "one-sided";
  /** R² of the pre-period covariate (CUPED/ANCOVA, R² = ρ²): residual variance σ²(1 − R²). Default 0. */
  r2?: number;
  /** Observations per cluster m; the design effect 1 + (m − 1)·ICC inflates the variance. Default 1. */
  clusterSize?: number;
  /** Intra-cluster correlation. Default 0. */
  icc?: number;
}

/** Design effect of cluster sampling, 1 + (m − 1)·ICC (Kish 1965). */
export function designEffect(clusterSize: number, icc: number): number {
  if (!(clusterSize >= 1))
    throw new StatsInputError(`designEffect: clusterSize must be >= 1, got ${clusterSize}`);
  if (!(icc >= 0 && icc <= 1)) throw new StatsInputError(`designEffect: icc must be in [0, 1], got ${icc}`);
  return 1 + (clusterSize - 1) * icc;
}

interface Effective {
  /** Independent units per arm, G = nPerArm / m. */
  units: number;
  /** SD of one unit's mean after covariate adjustment: σ·√((1 − R²)·deff/m). */
  sd: number;
  alpha: number;
  sides: number;
}

function effective(design: TwoSampleDesign): Effective {
  const { sd, alpha = 0.05, alternative = "two-sided", r2 = 0, clusterSize = 1, icc = 0 } = design;
  assertPositive(sd, "sd");
  assertOpenProbability(alpha, "alpha");
  if (!(r2 >= 0 && r2 < 1)) throw new StatsInputError(`r2 must be in [0, 1), got ${r2}`);
  const deff = designEffect(clusterSize, icc);
  return {
    units: design.nPerArm / clusterSize,
    sd: sd * Math.sqrt(((1 - r2) * deff) / clusterSize),
    alpha,
    sides: alternative === "two-sided" ? 2 : 1,
  };
}

/** power.t.test's formula for G units per arm. */
function powerFor(units: number, delta: number, e: Effective): number {
  const df = Math.max(1e-7, units - 1) * 2;
  const critical = studentTQuantile(e.alpha / e.sides, df, false);
  return noncentralTCdf(critical, df, Math.sqrt(units / 2) * (delta / e.sd), false);
}

/**
 * Power of the two-sample t test to detect a true difference `delta`:
 * P(T′ > t_{1−α/s, ν}) with T′ noncentral t, ν = 2(G − 1), ncp = δ/√(2σ²ₑ/G), where G = nPerArm/m
 * independent units per arm and σ²ₑ = σ²(1 − R²)(1 + (m − 1)ICC)/m. With r2 = 0 and clusterSize = 1
 * this is exactly R's `power.t.test(n = nPerArm, delta, sd, sig.level = alpha)`.
 */
export function powerTwoSample(design: TwoSampleDesign & { delta: number }): number {
  const e = effective(design);
  assertPositive(design.nPerArm, "nPerArm");
  return powerFor(e.units, Math.abs(design.delta), e);
}

/**
 * Minimum detectable effect: the difference δ > 0 that the design detects with probability
 * `power` — the root of powerTwoSample(δ) = power (Brent's method, relative tolerance 1e-12),
 * as R's `power.t.test(n, delta = NULL, power)` with a tight `tol`. Roughly
 * (t_{1−α/2} + t_{power})·σ·√(2(1 − R²)·deff/n).
 * @example mdeTwoSample({ nPerArm: 150, sd: 0.9, power: 0.8, r2: 0.4 }) // on the log scale
 */
export function mdeTwoSample(design: TwoSampleDesign & { power?: number }): number {
  const { power = 0.8 } = design;
  assertOpenProbability(power, "power");
  const e = effective(design);
  if (!(e.units > 1))
    throw new StatsInputError(`mdeTwoSample needs more than one unit per arm, got ${e.units}`);
  if (power <= e.alpha / e.sides)
    throw new StatsInputError(`power ${power} must exceed the size of the test ${e.alpha / e.sides}`);
  let upper = e.sd;
  while (powerFor(e.units, upper, e) < power) upper *= 2;
  return brentRoot((delta) => powerFor(e.units, delta, e) - power, 0, upper, upper * 1e-13);
}

/**
 * Observations per arm needed to detect `delta` with probability `power` (not rounded up): the root
 * in G of the power equation, times m; at least 2 units per arm. Same as R's
 * `power.t.test(delta, sd, power, n = NULL)`.
 */
export function sampleSizeTwoSample(
  design: Omit<TwoSampleDesign, "nPerArm"> & { delta: number; power?: number },
): number {
  const { power = 0.8 } = design;
  assertOpenProbability(power, "power");
  assertPositive(Math.abs(design.delta), "delta");
  const e = effective({ ...design, nPerArm: 1 });
  const delta = Math.abs(design.delta);
  const f = (units: number): number => powerFor(units, delta, e) - power;
  let upper = 4;
  while (f(upper) < 0) {
    upper *= 2;
    if (upper > 1e9)
      throw new StatsInputError(`sampleSizeTwoSample: delta ${delta} needs more than 1e9 units per arm`);
  }
  // Search from 2 units per arm, as power.t.test does; fewer cannot estimate a variance per arm.
  const lower = 2;
  const units = f(lower) >= 0 ? lower : brentRoot(f, lower, upper, 1e-10);
  return units * (design.clusterSize ?? 1);
}
