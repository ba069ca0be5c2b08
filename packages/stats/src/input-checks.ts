import { StatsInputError } from "./errors.js";

/** Throws unless every value is a finite number; `name` appears in the message (e.g. "welchTTest: x"). */
export function assertFiniteArray(values: readonly number[], name: string, minLength = 1): void {
  if (values.length < minLength) {
    throw new StatsInputError(`${name} needs at least ${minLength} value(s), got ${values.length}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new StatsInputError(`${name}[${i}] is ${String(v)}; only finite numbers are allowed`);
    }
  }
}

/** Throws unless 0 < p < 1 (open interval). */
export function assertOpenProbability(p: number, name: string): void {
  if (!(p > 0 && p < 1)) throw new StatsInputError(`${name} must be strictly between 0 and 1, got ${p}`);
}

/** Throws unless 0 <= p <= 1 (closed interval). */
export function assertProbability(p: number, name: string): void {
  if (!(p >= 0 && p <= 1)) throw new StatsInputError(`${name} must be in [0, 1], got ${p}`);
}

/** Throws unless x is finite and > 0. */
export function assertPositive(x: number, name: string): void {
  if (!(x > 0 && Number.isFinite(x)))
    throw new StatsInputError(`${name} must be a finite number > 0, got ${x}`);
}
