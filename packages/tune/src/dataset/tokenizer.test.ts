import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { InputError } from "@uplift/core";
import llama from "llama-tokenizer-js";
import { describe, expect, it } from "vitest";
import { LlamaPieceCounter } from "./llama-piece-counter.js";
import { loadDatasetTokenizer } from "./tokenizer.js";
import { bpeTable, bpeTokenCount } from "./tokenizer-bpe.js";

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

describe("dataset tokenizers", () => {
  it("counts exactly what llama-tokenizer-js encodes for whole files (piecewise memoised counting)", async () => {
    const tokenizer = await loadDatasetTokenizer("llama2");
    const samples = [
      readFileSync(here("./import-order.ts"), "utf8"),
      readFileSync(here("./licence.ts"), "utf8"),
      "déjà vu — naïve café 🙂 \t tabs\n\n  x = 12345;  \n",
    ];
    for (const text of samples)
      expect(tokenizer.count(text)).toBe(llama.encode(text, false, false, false).length);
  });

  it("counts a piece as llama-tokenizer-js encodes it (own BPE loop over its vocabulary and merges)", () => {
    const text = `${readFileSync(here("./build-dataset.ts"), "utf8")} ßüé 🙂 \u0007 ▁ x`;
    const pieces = [...new Set(text.match(/ *(?:\p{L}+|\d|[^\p{L}\d ]+)| +/gu))];
    expect(pieces.length).toBeGreaterThan(300);
    const table = bpeTable(llama.vocabByString, llama.merges);
    for (const piece of pieces)
      expect([piece, bpeTokenCount(piece, table)]).toEqual([
        piece,
        llama.encode(piece, false, false, false).length,
      ]);
  });

  it("cuts text into the same pieces as the piece regex, line by line (scanner with memo)", () => {
    const table = bpeTable(llama.vocabByString, llama.merges);
    const counter = new LlamaPieceCounter(table);
    const texts = [
      readFileSync(here("./build-dataset.ts"), "utf8"),
      "  \n\t x  \n   \nend   ",
      "ßüé 🙂\u0007 ▁ x \ud800 lone \udc00 low 𝐀𝐁c ٣٤ 12ab_cd\r\n",
      "a1b2  33 ;; ,. ()=> {}\n\n\n",
    ];
    for (const text of texts) {
      let expected = 0;
      for (const [i, line] of text.split("\n").entries()) {
        if (i > 0) expected++;
        for (const piece of line.match(/ *(?:\p{L}+|\d|[^\p{L}\d ]+)| +/gu) ?? [])
          expected += bpeTokenCount(piece, table);
      }
      expect(counter.count(text)).toBe(expected);
      expect(counter.count(text)).toBe(expected); // from the memo
    }
  });

  it("counts Code Llama's infilling sentinels as one token each", async () => {
    const codellama = await loadDatasetTokenizer("codellama");
    const llama2 = await loadDatasetTokenizer("llama2");
    const body = "return a + b;";
    expect(codellama.count(`<PRE>${body}<SUF><MID><EOT>`)).toBe(llama2.count(body) + 4);
  });

  it("counts cl100k_base with js-tiktoken", async () => {
    const tokenizer = await loadDatasetTokenizer("cl100k_base");
    expect(tokenizer.count("hello world")).toBe(2);
  });

  it("rejects an unknown tokenizer, listing the known ones", async () => {
    const error = await loadDatasetTokenizer("gpt-17").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/gpt-17.*codellama.*cl100k_base/);
  });
});
