import { describe, expect, it } from "vitest";
import { buildFimPrompt, FIM_MODELS, type FimRequest, fimStopTokens } from "./fim-prompt.js";

const REQUEST: Omit<FimRequest, "model"> = {
  prefix: 'import { formatAmount } from "@acme/money";\nexport const total = (c: number) => formatAmount(',
  suffix: ");\n",
  path: "src/receipt.ts",
  repo: "shop",
  snippets: [
    {
      repo: "lib",
      path: "src/format.ts",
      text: "export function formatAmount(cents: number): string {\n  return (cents / 100).toFixed(2);\n}",
    },
    { repo: "shop", path: "src/tax.ts", text: "export const TAX = 0.2;" },
  ],
};

describe("buildFimPrompt", () => {
  it("Code Llama: context as path comments before the prefix, PSM tokens with their spaces", () => {
    expect(buildFimPrompt({ ...REQUEST, model: "codellama" })).toMatchInlineSnapshot(`
      "<PRE> // Path: shop/src/tax.ts
      // export const TAX = 0.2;
      // Path: lib/src/format.ts
      // export function formatAmount(cents: number): string {
      //   return (cents / 100).toFixed(2);
      // }
      import { formatAmount } from "@acme/money";
      export const total = (c: number) => formatAmount( <SUF>);
       <MID>"
    `);
  });

  it("StarCoder2: repository format with file separators, the open file last", () => {
    expect(buildFimPrompt({ ...REQUEST, model: "starcoder2" })).toMatchInlineSnapshot(`
      "<repo_name>shop<file_sep>shop/src/tax.ts
      export const TAX = 0.2;
      <file_sep>lib/src/format.ts
      export function formatAmount(cents: number): string {
        return (cents / 100).toFixed(2);
      }
      <file_sep><fim_prefix>src/receipt.ts
      import { formatAmount } from "@acme/money";
      export const total = (c: number) => formatAmount(<fim_suffix>);
      <fim_middle>"
    `);
  });

  it("DeepSeek-Coder: files headed by path comments inside fim begin/hole/end", () => {
    expect(buildFimPrompt({ ...REQUEST, model: "deepseek-coder" })).toMatchInlineSnapshot(`
      "<｜fim▁begin｜>// shop/src/tax.ts
      export const TAX = 0.2;
      // lib/src/format.ts
      export function formatAmount(cents: number): string {
        return (cents / 100).toFixed(2);
      }
      // src/receipt.ts
      import { formatAmount } from "@acme/money";
      export const total = (c: number) => formatAmount(<｜fim▁hole｜>);
      <｜fim▁end｜>"
    `);
  });

  it("Qwen2.5-Coder: repo name and file separators, then prefix/suffix/middle", () => {
    expect(buildFimPrompt({ ...REQUEST, model: "qwen2.5-coder" })).toMatchInlineSnapshot(`
      "<|repo_name|>shop
      <|file_sep|>shop/src/tax.ts
      export const TAX = 0.2;
      <|file_sep|>lib/src/format.ts
      export function formatAmount(cents: number): string {
        return (cents / 100).toFixed(2);
      }
      <|file_sep|>src/receipt.ts
      <|fim_prefix|>import { formatAmount } from "@acme/money";
      export const total = (c: number) => formatAmount(<|fim_suffix|>);
      <|fim_middle|>"
    `);
  });

  it("uses # comments for Python and works without context", () => {
    const prompt = buildFimPrompt({
      ...REQUEST,
      model: "codellama",
      comment: "#",
      snippets: [REQUEST.snippets[1] as FimRequest["snippets"][0]],
    });
    expect(prompt.startsWith("<PRE> # Path: shop/src/tax.ts\n# export const TAX = 0.2;\n")).toBe(true);
    expect(buildFimPrompt({ ...REQUEST, model: "deepseek-coder", snippets: [] })).toBe(
      `<｜fim▁begin｜>// src/receipt.ts\n${REQUEST.prefix}<｜fim▁hole｜>${REQUEST.suffix}<｜fim▁end｜>`,
    );
  });

  it("has stop tokens for every model", () => {
    for (const model of FIM_MODELS) expect(fimStopTokens(model).length).toBeGreaterThan(0);
  });
});
