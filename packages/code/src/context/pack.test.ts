import { describe, expect, it } from "vitest";
import { type ContextSnippet, packSnippets, snippetTokens } from "./pack.js";
import { approximateCounter, loadCl100kCounter } from "./token-counter.js";

function snippet(
  path: string,
  start: number,
  end: number,
  score: number,
  text = "x".repeat(70),
): ContextSnippet {
  return { repo: "r", path, start_line: start, end_line: end, reason: "definition", score, text };
}

describe("packSnippets", () => {
  it("takes the best snippets that fit, skipping one too big and keeping smaller ones after it", () => {
    const big = snippet("big.ts", 1, 90, 0.9, "y".repeat(3500));
    const { snippets, tokens } = packSnippets(
      [snippet("a.ts", 1, 3, 0.5), big, snippet("b.ts", 1, 3, 0.4)],
      100,
      approximateCounter,
    );
    expect(snippets.map((s) => s.path)).toEqual(["a.ts", "b.ts"]);
    expect(tokens).toBe(snippets.reduce((sum, s) => sum + snippetTokens(s, approximateCounter), 0));
    expect(tokens).toBeLessThanOrEqual(100);
  });

  it("keeps the better of two overlapping snippets of a file", () => {
    const { snippets } = packSnippets(
      [snippet("a.ts", 1, 10, 0.3), snippet("a.ts", 5, 20, 0.8), snippet("a.ts", 21, 30, 0.1)],
      10_000,
      approximateCounter,
    );
    expect(snippets.map((s) => [s.start_line, s.score])).toEqual([
      [5, 0.8],
      [21, 0.1],
    ]);
  });

  it("returns nothing, and 0 tokens, when nothing fits", () => {
    expect(packSnippets([snippet("a.ts", 1, 3, 1)], 5, approximateCounter)).toEqual({
      snippets: [],
      tokens: 0,
    });
  });
});

describe("token counters", () => {
  it("the approximation over-counts cl100k_base on code by a modest margin", async () => {
    const cl100k = await loadCl100kCounter();
    const code =
      `export function formatAmount(cents: number, currency: string): string {\n  return (cents / 100).toFixed(2) + " " + currency;\n}\n`.repeat(
        20,
      );
    const exact = cl100k.count(code);
    const approx = approximateCounter.count(code);
    expect(approx).toBeGreaterThanOrEqual(exact);
    expect(approx / exact).toBeLessThan(1.6);
    expect(cl100k.count("<|endoftext|>")).toBeGreaterThan(1);
  });
});
