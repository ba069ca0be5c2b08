import { InputError } from "@uplift/core";

/** An integer flag value within [min, max]; anything else is bad input naming the flag. */
export function integerOption(
  text: string | undefined,
  flag: string,
  fallback: number,
  min = 0,
  max = 2 ** 31 - 1,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^[+-]?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new InputError(`${flag} ${text}: expected an integer from ${min} to ${max}`);
  }
  return value;
}

/** A number flag value strictly between `low` and `high`. */
export function numberOption(
  text: string | undefined,
  flag: string,
  fallback: number,
  low: number,
  high: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || !(value > low && value < high)) {
    throw new InputError(`${flag} ${text}: expected a number strictly between ${low} and ${high}`);
  }
  return value;
}
