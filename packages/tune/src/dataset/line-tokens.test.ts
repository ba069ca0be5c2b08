import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FIM_SENTINELS, fimCut, fimLayout, fimTransform, seededRandom } from "./fim.js";
import { joinedTokens } from "./line-tokens.js";
import { loadDatasetTokenizer } from "./tokenizer.js";

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** Texts with what makes line counting hard: specials in the code, blank and trailing lines, astral characters. */
const texts = [
  readFileSync(here("./document-batch.ts"), "utf8"),
  "const a = 1;\n\n  \n<PRE> x <SUF>y<MID> <EOT>\n<PRE\nend",
  "🙂 déjà\n\n",
  "\n",
  "one line, no newline",
];

describe("counting by lines (LLaMA tokens never span a newline)", () => {
  it("counts each line as the whole-text count does, specials included", async () => {
    const tokenizer = await loadDatasetTokenizer("codellama");
    for (const text of texts) {
      const lines = tokenizer.lineTokens?.(text);
      const cut = text.split("\n");
      expect([...(lines?.starts ?? [])]).toEqual(
        cut.map((_, i) => cut.slice(0, i).join("\n").length + (i && 1)),
      );
      expect([...(lines?.tokens ?? [])]).toEqual(cut.map((line) => tokenizer.count(line)));
      expect([...(lines?.tokens ?? [])].reduce((a, b) => a + b, 0) + cut.length - 1).toBe(
        tokenizer.count(text),
      );
    }
  });

  it("counts a FIM rewrite from the line table exactly as counting the rewritten text", async () => {
    for (const name of ["codellama", "llama2"]) {
      const tokenizer = await loadDatasetTokenizer(name);
      for (const text of texts)
        for (let seed = 0; seed < 40; seed++) {
          const lines = tokenizer.lineTokens?.(text);
          if (!lines) throw new Error(`${name} counts by lines`);
          // a part of the text, as splitting a long file makes, cut at two random points
          const start = seed % 3 === 0 ? 0 : text.indexOf("\n") + 1;
          const part = text.slice(start);
          const cut = fimCut(part, seededRandom(seed), 1, 0.5);
          if (!cut) continue;
          for (const sentinels of Object.values(FIM_SENTINELS)) {
            const layout = fimLayout(part.length, cut.a, cut.b, cut.mode, sentinels, start);
            const rewritten = fimTransform(part, cut.a, cut.b, cut.mode, sentinels);
            expect(joinedTokens(text, lines, layout, tokenizer.count)).toBe(tokenizer.count(rewritten));
          }
        }
    }
  });

  it("cuts literals holding newlines into lines too", async () => {
    const tokenizer = await loadDatasetTokenizer("codellama");
    const text = "alpha beta\ngamma\n";
    const lines = tokenizer.lineTokens?.(text);
    if (!lines) throw new Error("codellama counts by lines");
    const parts = ["<PRE>\n  x", [6, 13] as const, "y\n\n", [0, 17] as const];
    expect(joinedTokens(text, lines, parts, tokenizer.count)).toBe(
      tokenizer.count(`<PRE>\n  x${text.slice(6, 13)}y\n\n${text}`),
    );
  });
});
