import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDatasetInput } from "./dataset-input.js";

function dataset(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "uplift-dataset-input-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

const jsonl = (...records: object[]) => records.map((r) => `${JSON.stringify(r)}\n`).join("");
const text = jsonl({ text: "a", tokens: 5 });
const pairs = jsonl({ prompt: "q", chosen: "a", rejected: "b", tokens: 3 });

describe("readDatasetInput", () => {
  it("classifies shards by their first record and takes the stage's tokens from the manifest", async () => {
    const dir = dataset({
      "pretrain-00000.jsonl": text,
      "preference-00000.jsonl": pairs,
      "manifest.json": JSON.stringify({ tokens: { pretrain: 900, instruct: 0, preference: 70 } }),
    });
    const input = await readDatasetInput(dir, "dpo", undefined);
    expect(input.shards.map((s) => [s.path, s.stage])).toEqual([
      ["preference-00000.jsonl", "dpo"],
      ["pretrain-00000.jsonl", "cpt"],
    ]);
    expect(input.tokens).toBe(70);
    expect(input.tokensSource).toBe("manifest");
  });

  it("sums per-shard token counts listed in the manifest", async () => {
    const dir = dataset({
      "a.jsonl": text,
      "b.jsonl": text,
      "manifest.json": JSON.stringify({
        outputs: [
          { path: "a.jsonl", tokens: 10 },
          { file: "b.jsonl", tokens: 32 },
        ],
      }),
    });
    expect((await readDatasetInput(dir, "cpt", undefined)).tokens).toBe(42);
  });

  it("uses a total over several kinds with a warning, and --tokens over everything", async () => {
    const dir = dataset({
      "a.jsonl": text,
      "b.jsonl": pairs,
      "manifest.json": JSON.stringify({ tokens: 500 }),
    });
    const input = await readDatasetInput(dir, "cpt", undefined);
    expect(input.tokens).toBe(500);
    expect(input.warnings[0]).toMatch(/only a total of 500 tokens over every kind/);
    expect((await readDatasetInput(dir, "cpt", 77)).tokens).toBe(77);
  });

  it("reports records without token counts instead of guessing", async () => {
    const dir = dataset({ "a.jsonl": jsonl({ text: "no count" }) });
    const input = await readDatasetInput(dir, "cpt", undefined);
    expect(input.tokens).toBeNull();
    expect(input.warnings).toEqual(["no token counts in manifest.json or records: give --tokens N"]);
  });

  it("names the file and line of bad input", async () => {
    await expect(readDatasetInput(dataset({ "manifest.json": "{" }), "cpt", undefined)).rejects.toThrow(
      /manifest\.json: not valid JSON/,
    );
    await expect(
      readDatasetInput(dataset({ "manifest.json": JSON.stringify({ tokens: -1 }) }), "cpt", undefined),
    ).rejects.toThrow(/manifest\.json: field tokens/);
    await expect(readDatasetInput(dataset({ "a.jsonl": "\n[1,2]\n" }), "cpt", undefined)).rejects.toThrow(
      /a\.jsonl:2: expected a JSON object per line/,
    );
    await expect(readDatasetInput("/nonexistent/dataset", "cpt", undefined)).rejects.toThrow(
      "--dataset /nonexistent/dataset: not a directory",
    );
  });
});
