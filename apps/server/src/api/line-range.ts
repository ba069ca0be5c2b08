import { InputError } from "@uplift/core";

/** `A-B` → a 1-based inclusive line range (`lines` of `code similar`); anything else is an InputError. */
export function lineRange(text: string): { start: number; end: number } {
  const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
  const start = Number(match?.[1]);
  const end = Number(match?.[2]);
  if (!match || start < 1 || end < start)
    throw new InputError(`lines ${text}: expected A-B with 1 ≤ A ≤ B, e.g. 10-42`);
  return { start, end };
}
