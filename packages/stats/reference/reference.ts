/**
 * Test support: reads the golden values that the R/Python scripts in this folder wrote, and
 * compares numbers by relative error. Imported by the co-located *.test.ts files only.
 */
import { readFileSync } from "node:fs";
import { expect } from "vitest";

/** Parses reference/<name>.json; the strings "Infinity"/"-Infinity" (JSON has no infinities) become numbers. */
export function readReference<T>(name: string): T {
  const text = readFileSync(new URL(`./${name}.json`, import.meta.url), "utf8");
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === "Infinity") return Number.POSITIVE_INFINITY;
    if (value === "-Infinity") return Number.NEGATIVE_INFINITY;
    return value;
  }) as T;
}

/** |actual − expected| <= rel·|expected| (+ abs, for expected values at or near 0). */
export function expectClose(actual: number, expected: number, rel = 1e-6, abs = 0, label = ""): void {
  if (expected === actual) return;
  const error = Math.abs(actual - expected);
  const ok = error <= rel * Math.abs(expected) + abs;
  expect(
    ok,
    `${label} actual ${actual} vs expected ${expected} (relative error ${error / Math.abs(expected)})`,
  ).toBe(true);
}

/** Element-wise `expectClose` for vectors and matrices. */
export function expectAllClose(actual: unknown, expected: unknown, rel = 1e-6, abs = 0, label = ""): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${label} should be an array`).toBe(true);
    const a = actual as unknown[];
    expect(a.length, `${label} length`).toBe(expected.length);
    expected.forEach((e, i) => {
      expectAllClose(a[i], e, rel, abs, `${label}[${i}]`);
    });
    return;
  }
  expectClose(actual as number, expected as number, rel, abs, label);
}
