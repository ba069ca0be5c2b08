import { StatsInputError } from "../errors.js";

const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_32 = 5.656854249492381;

// Cody (1969), "Rational Chebyshev approximations for the error function", Math. Comp. 23:631–637;
// the three rational approximations used by R's pnorm.
const A = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745,
];
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
];
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934, 2.9112874951168793e-5,
  0.023073441764940174,
];
const Q = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 7.297515550839662e-5,
];

function at(coefficients: readonly number[], i: number): number {
  return coefficients[i] as number;
}

/** Standard normal density φ(x) = exp(−x²/2)/√(2π). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** exp(−y²/2) without the rounding error of squaring y: split y at a multiple of 1/16 (Cody's trick). */
function gaussianKernel(y: number): number {
  const ySplit = Math.trunc(y * 16) / 16;
  const del = (y - ySplit) * (y + ySplit);
  return Math.exp(-ySplit * ySplit * 0.5) * Math.exp(-del * 0.5);
}

/**
 * Standard normal distribution function Φ(x) (or 1 − Φ(x) when `lowerTail` is false).
 * Cody's (1969) rational Chebyshev approximations, as in R's `pnorm`: relative error ~1e-15
 * in both tails down to the underflow threshold (x ≈ −37.5).
 */
export function normalCdf(x: number, lowerTail = true): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  let small: number; // P(X > |x|)
  if (y <= 0.67448975) {
    let num = 0;
    let den = 0;
    if (y > 1.1102230246251565e-16) {
      const xsq = x * x;
      num = at(A, 4) * xsq;
      den = xsq;
      for (let i = 0; i < 3; i++) {
        num = (num + at(A, i)) * xsq;
        den = (den + at(B, i)) * xsq;
      }
    }
    const temp = (x * (num + at(A, 3))) / (den + at(B, 3));
    return lowerTail ? 0.5 + temp : 0.5 - temp;
  }
  if (y <= SQRT_32) {
    let num = at(C, 8) * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + at(C, i)) * y;
      den = (den + at(D, i)) * y;
    }
    small = (gaussianKernel(y) * (num + at(C, 7))) / (den + at(D, 7));
  } else if (y < 38.5) {
    const xsq = 1 / (x * x);
    let num = at(P, 5) * xsq;
    let den = xsq;
    for (let i = 0; i < 4; i++) {
      num = (num + at(P, i)) * xsq;
      den = (den + at(Q, i)) * xsq;
    }
    const ratio = (xsq * (num + at(P, 4))) / (den + at(Q, 4));
    small = (gaussianKernel(y) * (INV_SQRT_2PI - ratio)) / y;
  } else {
    small = 0;
  }
  // `small` is the tail beyond |x|; the other side is its complement.
  const towardsX = x > 0 ? !lowerTail : lowerTail;
  return towardsX ? small : 1 - small;
}

// Wichura (1988), Algorithm AS 241 PPND16, Applied Statistics 37:477–484.
const AS241_A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const AS241_B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const AS241_C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const AS241_D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const AS241_E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const AS241_F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-5, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Σ c[i]·rⁱ by Horner's rule. */
function polynomial(c: readonly number[], r: number): number {
  let value = 0;
  for (let i = c.length - 1; i >= 0; i--) value = value * r + at(c, i);
  return value;
}

/**
 * Standard normal quantile Φ⁻¹(p) (or Φ⁻¹(1 − p) when `lowerTail` is false), by Wichura's AS 241
 * (PPND16), relative accuracy about 1e-16 for 1e-300 < p < 1 − 1e-16.
 * Pass the small tail probability with `lowerTail = false` instead of computing 1 − p.
 */
export function normalQuantile(p: number, lowerTail = true): number {
  if (Number.isNaN(p)) return Number.NaN;
  if (p < 0 || p > 1) throw new StatsInputError(`normalQuantile needs 0 <= p <= 1, got ${p}`);
  if (p === 0) return lowerTail ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (p === 1) return lowerTail ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  const q = lowerTail ? p - 0.5 : 0.5 - p;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_A, r)) / polynomial(AS241_B, r);
  }
  // Tail: r = sqrt(−log(smaller tail)), taken from the caller's own tail to keep precision.
  const tail = q < 0 === lowerTail ? p : 1 - p;
  let r = Math.sqrt(-Math.log(tail));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(AS241_C, r) / polynomial(AS241_D, r);
  } else {
    r -= 5;
    value = polynomial(AS241_E, r) / polynomial(AS241_F, r);
  }
  return q < 0 ? -value : value;
}
