import { buildFimPrompt, FIM_MODELS } from "@uplift/code";
import { describe, expect, it } from "vitest";
import { FIM_SENTINELS, fimTransform, maybeFim, seededRandom } from "./fim.js";

describe("FIM transformation", () => {
  const text = "function add(a, b) {\n  return a + b;\n}\n";
  const a = text.indexOf("return");
  const b = text.indexOf(";") + 1;

  it("writes Code Llama PSM exactly as the completion prompt followed by the middle and <EOT>", () => {
    const prompt = buildFimPrompt({
      model: "codellama",
      prefix: text.slice(0, a),
      suffix: text.slice(b),
      path: "add.js",
      repo: "r",
      snippets: [],
    });
    expect(fimTransform(text, a, b, "psm", FIM_SENTINELS.codellama)).toBe(`${prompt}return a + b;<EOT>`);
  });

  it("writes SPM as suffix first, then prefix and middle", () => {
    expect(fimTransform(text, a, b, "spm", FIM_SENTINELS["qwen2.5-coder"])).toBe(
      `<|fim_prefix|><|fim_suffix|>\n}\n<|fim_middle|>function add(a, b) {\n  return a + b;<|endoftext|>`,
    );
  });

  it("uses the sentinels each family's completion prompt uses", () => {
    for (const model of FIM_MODELS) {
      const prompt = buildFimPrompt({ model, prefix: "P", suffix: "S", path: "f", repo: "r", snippets: [] });
      const s = FIM_SENTINELS[model];
      for (const sentinel of [s.prefix.trim(), s.suffix.trim(), s.middle.trim()])
        expect(prompt).toContain(sentinel);
    }
  });

  it("applies FIM at the configured rate, reproducibly for a seed", () => {
    const run = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from(
        { length: 2000 },
        () => maybeFim(text, random, 0.5, 0.25, FIM_SENTINELS.starcoder2).mode,
      );
    };
    const modes = run(7);
    const fim = modes.filter(Boolean).length;
    expect(fim / modes.length).toBeGreaterThan(0.45);
    expect(fim / modes.length).toBeLessThan(0.55);
    expect(modes.filter((m) => m === "spm").length / fim).toBeCloseTo(0.25, 1);
    expect(run(7)).toEqual(modes);
  });

  it("keeps every character: prefix + middle + suffix is the document", () => {
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) {
      const out = maybeFim(text, random, 1, 0, FIM_SENTINELS.starcoder2).text;
      const m = /^<fim_prefix>([\s\S]*)<fim_suffix>([\s\S]*)<fim_middle>([\s\S]*)<\|endoftext\|>$/.exec(out);
      expect(m).not.toBeNull();
      expect(`${m?.[1]}${m?.[3]}${m?.[2]}`).toBe(text);
    }
  });
});
