import { normalQuantile } from "../distributions/normal.js";
import { StatsInputError } from "../errors.js";

function assertCounts(successes: number, n: number, fn: string): void {
  if (!(Number.isInteger(successes) && Number.isInteger(n) && n > 0 && successes >= 0 && successes <= n)) {
    throw new StatsInputError(`${fn}: needs integer counts 0 ≤ successes ≤ n, n > 0; got ${successes}/${n}`);
  }
}

function assertLevel(confLevel: number, fn: string): void {
  if (!(confLevel > 0 && confLevel < 1)) throw new StatsInputError(`${fn}: confLevel must be in (0, 1)`);
}

/**
 * Wilson score interval for a proportion (Wilson 1927, JASA 22:209; method 3 of Newcombe 1998,
 * Stat. Med. 17:857): the set of p the score test does not reject. Stays inside [0, 1] and has
 * close to nominal coverage even for 0 or n successes, unlike the Wald interval.
 */
export function wilsonInterval(successes: number, n: number, confLevel = 0.95): [number, number] {
  assertCounts(successes, n, "wilsonInterval");
  assertLevel(confLevel, "wilsonInterval");
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // exact ends at 0 and n successes (the formula gives them up to rounding)
  return [successes === 0 ? 0 : centre - half, successes === n ? 1 : centre + half];
}

/**
 * Interval for the difference of two independent proportions p₁ − p₂ by Newcombe's hybrid score
 * method (Newcombe 1998, Stat. Med. 17:873, method 10): the Wilson intervals (l₁, u₁), (l₂, u₂)
 * combined as δ − √((p₁ − l₁)² + (u₂ − p₂)²), δ + √((u₁ − p₁)² + (p₂ − l₂)²).
 */
export function newcombeDifferenceInterval(
  successes1: number,
  n1: number,
  successes2: number,
  n2: number,
  confLevel = 0.95,
): [number, number] {
  const [l1, u1] = wilsonInterval(successes1, n1, confLevel);
  const [l2, u2] = wilsonInterval(successes2, n2, confLevel);
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const d = p1 - p2;
  return [d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)];
}
