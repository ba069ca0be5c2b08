import { StatsInputError } from "../errors.js";

function checkPValues(p: readonly number[], fn: string): void {
  p.forEach((v, i) => {
    if (!(v >= 0 && v <= 1)) throw new StatsInputError(`${fn}: p[${i}] = ${v} is not a probability`);
  });
}

/** Indices of `p` sorted by value (ascending or descending), ties in input order. */
function order(p: readonly number[], descending: boolean): number[] {
  return p
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (descending ? (p[b] as number) - (p[a] as number) : (p[a] as number) - (p[b] as number)) || a - b,
    );
}

/** Bonferroni: min(1, m·pᵢ). */
export function bonferroniAdjust(p: readonly number[]): number[] {
  checkPValues(p, "bonferroniAdjust");
  return p.map((v) => Math.min(1, p.length * v));
}

/**
 * Holm (1979) step-down adjusted p-values, controlling the family-wise error rate:
 * p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m − j + 1)·p₍ⱼ₎). Same as R's `p.adjust(p, "holm")`; in input order.
 */
export function holmAdjust(p: readonly number[]): number[] {
  checkPValues(p, "holmAdjust");
  const m = p.length;
  const out = new Array<number>(m);
  let running = 0;
  order(p, false).forEach((index, rank) => {
    running = Math.max(running, (m - rank) * (p[index] as number));
    out[index] = Math.min(1, running);
  });
  return out;
}

/**
 * Benjamini & Hochberg (1995) step-up adjusted p-values (false discovery rate):
 * p̃₍ᵢ₎ = min(1, minⱼ≥ᵢ m·p₍ⱼ₎/j). Same as R's `p.adjust(p, "BH")`; in input order.
 */
export function benjaminiHochbergAdjust(p: readonly number[]): number[] {
  checkPValues(p, "benjaminiHochbergAdjust");
  const m = p.length;
  const out = new Array<number>(m);
  let running = Number.POSITIVE_INFINITY;
  order(p, true).forEach((index, position) => {
    const rank = m - position; // rank among ascending p
    running = Math.min(running, (m / rank) * (p[index] as number));
    out[index] = Math.min(1, running);
  });
  return out;
}
