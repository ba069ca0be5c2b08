import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadCl100kCounter } from "./token-counter.js";

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function fullEncoder(): Promise<(text: string) => number> {
  const [{ Tiktoken }, { default: ranks }] = await Promise.all([
    import("js-tiktoken/lite"),
    import("js-tiktoken/ranks/cl100k_base"),
  ]);
  const encoding = new Tiktoken(ranks);
  return (text) => encoding.encode(text, [], []).length;
}

describe("cl100k counter with memoised pieces", () => {
  it("counts exactly what encoding the whole text gives, on every source file of this package", async () => {
    const [counter, encode] = await Promise.all([loadCl100kCounter(), fullEncoder()]);
    const files = readdirSync(srcDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(path.join(srcDir, file), "utf8");
      expect({ file, tokens: counter.count(text) }).toEqual({ file, tokens: encode(text) });
    }
  });

  it("counts awkward text exactly: whitespace runs, CRLF, non-Latin scripts, emoji, special-token strings", async () => {
    const [counter, encode] = await Promise.all([loadCl100kCounter(), fullEncoder()]);
    const samples = [
      "",
      "   \n\n\t\t  x  \r\n  \n",
      "    return   value;   ",
      "const größe = 'ÄÖÜ'; // 日本語のコメント 😀👍🏽\n",
      "<|endoftext|> <|fim_prefix|>a<|fim_suffix|>",
      "x'sy 'll 1234567 3.14159e10 ___ $$$ \u00a0\u2003",
      "def f():\n\tpass\n\n\n    \n",
    ];
    for (const text of samples)
      expect({ text, tokens: counter.count(text) }).toEqual({ text, tokens: encode(text) });
    // memoised pieces give the same count the second time
    for (const text of samples) expect(counter.count(text)).toBe(encode(text));
  });
});
