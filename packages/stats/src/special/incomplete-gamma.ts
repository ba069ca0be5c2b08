import { StatsConvergenceError, StatsInputError } from "../errors.js";
import { logGamma, logGammaCorrection } from "./log-gamma.js";

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;
const LN_SQRT_2PI = 0.9189385332046728;

/** Both regularized incomplete gamma functions; `lower` + `upper` = 1, each computed without cancellation. */
export interface GammaPair {
  /** P(a, x) = γ(a, x)/Γ(a). */
  lower: number;
  /** Q(a, x) = Γ(a, x)/Γ(a). */
  upper: number;
}

/**
 * log(xᵃ e⁻ˣ / Γ(a)). For a >= 10, Stirling's formula turns it into
 * a·log(x/a) + (a − x) + ½·log a − log √(2π) − δ(a), which avoids cancelling large terms; when x is
 * near a the first two terms are written −a·(t − log1p t), t = (x − a)/a, so their difference keeps
 * its precision too.
 */
function logPrefactor(a: number, x: number): number {
  if (a >= 10) {
    const t = (x - a) / a;
    const main = Math.abs(t) < 0.5 ? -a * (t - Math.log1p(t)) : a * Math.log(x / a) + (a - x);
    return main + 0.5 * Math.log(a) - LN_SQRT_2PI - logGammaCorrection(a);
  }
  return a * Math.log(x) - x - logGamma(a);
}

/**
 * Regularized incomplete gamma P(a, x) and Q(a, x), a > 0, x >= 0.
 * x < a + 1: power series P = xᵃe⁻ˣ/Γ(a+1) · Σ xⁿ/((a+1)…(a+n)); otherwise Legendre's continued
 * fraction for Q evaluated by the modified Lentz method (Press et al., Numerical Recipes 3rd ed. §6.2;
 * Lentz 1976). The small one of P and Q is always computed directly, so tails keep full relative precision.
 */
export function regularizedGamma(a: number, x: number): GammaPair {
  if (!(a > 0) || !Number.isFinite(a))
    throw new StatsInputError(`regularizedGamma needs finite a > 0, got ${a}`);
  if (Number.isNaN(x)) return { lower: Number.NaN, upper: Number.NaN };
  if (x < 0) throw new StatsInputError(`regularizedGamma needs x >= 0, got ${x}`);
  if (x === 0) return { lower: 0, upper: 1 };
  if (x === Number.POSITIVE_INFINITY) return { lower: 1, upper: 0 };
  const logPre = logPrefactor(a, x);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) {
        const lower = Math.exp(logPre + Math.log(sum));
        return { lower, upper: 1 - lower };
      }
    }
    throw new StatsConvergenceError(`regularizedGamma series did not converge for a=${a}, x=${x}`);
  }
  // Continued fraction Q = pre · 1/(x+1−a − 1·(1−a)/(x+3−a − 2·(2−a)/(x+5−a − …))), modified Lentz.
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) {
      const upper = Math.exp(logPre + Math.log(h));
      return { lower: 1 - upper, upper };
    }
  }
  throw new StatsConvergenceError(`regularizedGamma continued fraction did not converge for a=${a}, x=${x}`);
}
