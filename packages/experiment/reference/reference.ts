/**
 * Test support: the golden values that the R scripts in this folder wrote, and relative-error
 * comparison. Imported by co-located *.test.ts files only.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** Parses reference/<name>.json. */
export function readReference<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), "utf8")) as T;
}

/** Absolute path of a file in this folder (e.g. a dataset the R script wrote). */
export function referencePath(name: string): string {
  return fileURLToPath(new URL(`./${name}`, import.meta.url));
}

/** |actual − expected| <= rel·|expected| + abs. */
export function expectClose(actual: number, expected: number, rel = 1e-8, abs = 0, label = ""): void {
  const error = Math.abs(actual - expected);
  expect(error <= rel * Math.abs(expected) + abs, `${label} actual ${actual} vs expected ${expected}`).toBe(
    true,
  );
}
