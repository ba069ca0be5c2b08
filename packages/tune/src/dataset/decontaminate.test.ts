import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InputError } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { isContaminated, loadContaminationSet } from "./decontaminate.js";

const dir = mkdtempSync(path.join(tmpdir(), "uplift-decon-"));

describe("decontamination", () => {
  it("flags a file sharing a 10-gram of code tokens with an evaluation task, whatever the layout", async () => {
    const tasks = path.join(dir, "tasks.jsonl");
    const task = {
      id: "t1",
      kind: "function_body",
      prompt: "function totalWithTax(",
      prefix: "export function totalWithTax(items: Item[], rate: number): number {\n",
      expected:
        "  const net = items.reduce((sum, item) => sum + item.price * item.quantity, 0);\n  return net * (1 + rate);\n",
      suffix: "}\n",
    };
    writeFileSync(tasks, `${JSON.stringify(task)}\n`);
    const set = await loadContaminationSet([tasks]);
    expect(set.sources).toEqual([{ file: tasks, texts: 2 }]);
    const copied =
      "// copied\nconst net=items.reduce((sum,item)=>sum+item.price*item.quantity,0)\nreturn net*(1+rate)";
    expect(isContaminated(copied, set)).toBe(true);
    expect(isContaminated("const net = items.length;\nreturn net * 2;\n", set)).toBe(false);
  });

  it("reads other files as plain text and names a bad JSONL line", async () => {
    const bench = path.join(dir, "humaneval.py");
    writeFileSync(
      bench,
      "def has_close_elements(numbers, threshold):\n    for idx, elem in enumerate(numbers):\n        pass\n",
    );
    const set = await loadContaminationSet([bench]);
    expect(
      isContaminated(
        "x = 1\ndef has_close_elements(numbers, threshold):\n  for idx, elem in enumerate(numbers): return",
        set,
      ),
    ).toBe(true);
    const bad = path.join(dir, "bad.jsonl");
    writeFileSync(bad, '{"id": "ok"}\nnot json\n');
    const error = await loadContaminationSet([bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain("bad.jsonl:2");
  });
});
