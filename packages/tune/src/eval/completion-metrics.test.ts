import { describe, expect, it } from "vitest";
import {
  editSimilarity,
  exactMatch,
  identifierF1,
  identifierMatch,
  levenshtein,
  normaliseCode,
} from "./completion-metrics.js";

describe("completion metrics", () => {
  it("compares code with trailing spaces and blank edges removed", () => {
    expect(normaliseCode("\n  a = 1;  \r\n  b = 2;\n\n")).toBe("a = 1;\n  b = 2;");
    expect(exactMatch("return x;  \n", "return x;")).toBe(1);
    expect(exactMatch("return y;", "return x;")).toBe(0);
  });

  it("computes Levenshtein distances and edit similarity", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("flaw", "lawn")).toBe(2);
    expect(editSimilarity("kitten", "sitting")).toBeCloseTo(1 - 3 / 7, 12);
    expect(editSimilarity("", "")).toBe(1);
    expect(editSimilarity("", "x")).toBe(0);
  });

  it("matches identifiers in order, and scores their overlap with F1", () => {
    expect(identifierMatch("foo(bar, 1)", "foo( bar,2 )")).toBe(1);
    expect(identifierMatch("foo(baz)", "foo(bar)")).toBe(0);
    // completion {a, b, c}, expected {a, b, d, e}: precision 2/3, recall 2/4
    expect(identifierF1("a + b + c", "a + b + d + e")).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5), 12);
    expect(identifierF1("1 + 2", "3")).toBe(1);
    expect(identifierF1("x", "1")).toBe(0);
  });
});
