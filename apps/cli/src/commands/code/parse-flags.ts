import { InputError } from "@uplift/core";

/** A positive integer flag, else InputError naming the flag. */
export function positiveInteger(flag: string, value: string, max = 1_000_000): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max)
    throw new InputError(`${flag} ${value}: expected a whole number from 1 to ${max}`);
  return n;
}

/** A fraction flag in [0, 1]. */
export function fraction(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 1)
    throw new InputError(`${flag} ${value}: expected a number from 0 to 1`);
  return n;
}

/** `--lines A-B` (1-based, inclusive, A ≤ B). */
export function lineRange(value: string): { start: number; end: number } {
  const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(value);
  const start = Number(match?.[1]);
  const end = Number(match?.[2]);
  if (!match || start < 1 || end < start)
    throw new InputError(`--lines ${value}: expected A-B with 1 ≤ A ≤ B, e.g. --lines 10-42`);
  return { start, end };
}
