import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { splitCountedDocument, splitDocument } from "./packer.js";
import { loadDatasetTokenizer } from "./tokenizer.js";

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

describe("splitting a document into parts that fit a sequence", () => {
  it("cuts the same parts with the same counts from the line table as by recounting", async () => {
    const tokenizer = await loadDatasetTokenizer("codellama");
    const source = readFileSync(here("./build-dataset.ts"), "utf8");
    const texts = [
      source,
      `${source}\n`,
      source.replace(/\n/g, " "), // one long line: cut in halves by characters
      `short\n${"x".repeat(3000)}\nlast line\n`,
      "",
      "a",
      "\n\n\n",
    ];
    let cut = 0;
    for (const text of texts)
      for (const maxTokens of [1, 7, 64, 500, 5000]) {
        const lines = tokenizer.lineTokens?.(text);
        if (!lines) throw new Error("codellama counts by lines");
        const counted = splitCountedDocument(text, lines, maxTokens, tokenizer);
        const recounted = splitDocument(text, maxTokens, tokenizer);
        expect(counted.map(({ text, tokens }) => ({ text, tokens }))).toEqual(recounted);
        for (const part of counted)
          if (part.start !== undefined)
            expect(text.slice(part.start, part.start + part.text.length)).toBe(part.text);
        if (counted.length > 1) cut++;
      }
    expect(cut).toBeGreaterThan(10);
  });
});
