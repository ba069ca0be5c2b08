import { describe, expect, it } from "vitest";
import type { EvalTask } from "../tasks/eval-task.js";
import { completionRequestFor, extractCompletion, fimFamilyOf } from "./task-prompt.js";

const task = (kind: EvalTask["kind"], extra: Partial<EvalTask> = {}): EvalTask => ({
  id: "t",
  kind,
  repo: "shop",
  path: "src/a.py",
  language: "python",
  prompt: "",
  prefix: "def f(x):\n",
  suffix: "\n\ndef g():\n    pass\n",
  expected: "    return x",
  ...extra,
});

describe("putting tasks to a model", () => {
  it("knows the FIM family of the usual checkpoint names", () => {
    expect(fimFamilyOf("codellama/CodeLlama-13b-hf")).toBe("codellama");
    expect(fimFamilyOf("bigcode/starcoder2-15b")).toBe("starcoder2");
    expect(fimFamilyOf("deepseek-coder-6.7b-base")).toBe("deepseek-coder");
    expect(fimFamilyOf("Qwen/Qwen2.5-Coder-7B")).toBe("qwen2.5-coder");
    expect(fimFamilyOf("gpt-4o")).toBeUndefined();
  });

  it("builds the family's FIM prompt with the context as that family reads other files", () => {
    const request = completionRequestFor(
      task("next_line_context", { context: [{ repo: "lib", path: "m.py", text: "def h(): ..." }] }),
      { mode: "fim", fim: "starcoder2" },
    );
    expect(request.prompt).toBe(
      "<repo_name>shop<file_sep>lib/m.py\ndef h(): ...\n<file_sep><fim_prefix>src/a.py\ndef f(x):\n<fim_suffix>\n\ndef g():\n    pass\n<fim_middle>",
    );
    expect(request).toMatchObject({ stop: ["<file_sep>", "<|endoftext|>"], maxTokens: 64, temperature: 0 });
  });

  it("cuts a body at the first line indented less than its start, and a line task at its first line", () => {
    expect(extractCompletion(task("function_body"), "    y = x\n    return y\n\ndef g():\n", "fim")).toBe(
      "    y = x\n    return y",
    );
    expect(extractCompletion(task("next_line"), "return x\n    more", "completion")).toBe("return x");
    expect(extractCompletion(task("next_line"), "Sure:\n```python\nreturn x\n```", "chat")).toBe("return x");
  });
});
