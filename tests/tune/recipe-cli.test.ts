import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { runCli, tempDir } from "../cli/run-cli.js";
import { writeBareDataset, writeDatasetFixture } from "./recipe-fixture.js";

const recipe = (...args: string[]) => runCli(["tune", "recipe", ...args]);

function json(stdout: string) {
  return JSON.parse(stdout) as {
    out: string;
    files: string[];
    launch: string;
    warnings: string[];
    sizing: {
      dataset_tokens: number | null;
      hours: number | null;
      memory_gib_per_gpu: { total: number };
      fits: boolean;
    };
  };
}

describe("uplift tune recipe", () => {
  it("writes an SFT recipe for a tune dataset output and sizes it from the manifest", () => {
    const dataset = writeDatasetFixture();
    const out = path.join(tempDir(), "recipe");
    const result = recipe(
      ...["--base", "codellama-13b", "--method", "lora", "--framework", "axolotl", "--target", "k8s"],
      ...[
        "--stage",
        "sft",
        "--dataset",
        dataset,
        "--gpu",
        "h200",
        "--gpu-hour-cost",
        "3",
        "--out",
        out,
        "--json",
      ],
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const report = json(result.stdout);
    expect(report.out).toBe(out);
    expect(report.files.sort()).toEqual(["README.md", "axolotl.yaml", "k8s-job.yaml", "sizing.json"]);
    expect(readdirSync(out).sort()).toEqual(report.files);
    expect(report.launch).toBe("kubectl apply -f k8s-job.yaml");
    // tokens.instruct of the manifest; 300k tokens at ~3.9k tokens/s
    expect(report.sizing.dataset_tokens).toBe(300_000);
    expect(report.sizing.hours).toBeGreaterThan(0.015);
    expect(report.sizing.hours).toBeLessThan(0.03);
    expect(JSON.parse(readFileSync(path.join(out, "sizing.json"), "utf8"))).toEqual({
      ...report.sizing,
      warnings: report.warnings,
    });
    const axolotl = parse(readFileSync(path.join(out, "axolotl.yaml"), "utf8"));
    expect(axolotl.datasets).toEqual([
      {
        path: "json",
        data_files: ["/data/dataset/instruct-00000.jsonl"],
        split: "train",
        type: {
          field_instruction: "instruction",
          field_output: "output",
          format: "{instruction}",
          no_input_format: "{instruction}",
        },
      },
    ]);
    expect(
      parseAllDocuments(readFileSync(path.join(out, "k8s-job.yaml"), "utf8")).map((d) => d.errors),
    ).toEqual([[], []]);
  });

  it("prints the estimate beside the files without --json", () => {
    const result = recipe(
      ...["--base", "qwen2.5-coder-7b", "--method", "qlora", "--framework", "trl", "--target", "skypilot"],
      ...["--tokens", "500000000", "--gpus", "2", "--out", path.join(tempDir(), "r")],
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/memory per GPU: [\d.]+ GiB of 79.6 \(fits\)/);
    expect(result.stdout).toMatch(/throughput: \d+ tokens\/s .* 500000000 tokens × 1 epochs ≈ [\d.]+ h/);
    expect(result.stdout).toContain("sky launch -c qwen2-5-coder-7b-cpt-qlora skypilot.yaml");
  });

  it("refuses a non-empty --out unless --force, and replaces it whole with --force", () => {
    const out = tempDir("uplift-recipe-out-");
    const args = ["--base", "llama3.1-8b", "--method", "lora", "--framework", "torchtune", "--target", "ray"];
    expect(recipe(...args, "--out", out).status).toBe(0);
    const again = recipe(...args, "--out", out);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`--out ${out}: directory is not empty (give --force to replace it)`);
    const forced = recipe(...args.slice(0, 5), "trl", ...args.slice(6), "--out", out, "--force");
    expect(forced.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["README.md", "ray-job.yaml", "sizing.json", "trl.yaml"]);
    expect(
      readdirSync(path.dirname(out)).filter((f) => f.includes(".partial-") || f.includes(".old-")),
    ).toEqual([]);
  });

  it("exits 2 on an unknown base model, listing the known ones", () => {
    const out = path.join(tempDir(), "r");
    const result = recipe(
      "--base",
      "gpt-5",
      "--method",
      "lora",
      "--framework",
      "trl",
      "--target",
      "k8s",
      "--out",
      out,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "--base gpt-5: unknown base model; known: codellama-7b (codellama/CodeLlama-7b-hf)",
    );
    expect(result.stderr).toContain("qwen2.5-coder-32b");
    expect(existsSync(out)).toBe(false);
  });

  it("accepts an HF id with its shapes", () => {
    const result = recipe(
      ...[
        "--base",
        "acme/coder-1b",
        "--layers",
        "24",
        "--hidden",
        "2048",
        "--heads",
        "16",
        "--kv-heads",
        "16",
      ],
      ...["--intermediate", "5504", "--vocab", "32256", "--method", "full", "--framework", "axolotl"],
      ...["--target", "k8s", "--out", path.join(tempDir(), "r"), "--json"],
    );
    expect(result.status).toBe(0);
    expect(parse(readFileSync(path.join(json(result.stdout).out, "axolotl.yaml"), "utf8")).base_model).toBe(
      "acme/coder-1b",
    );
  });

  it.each([
    [
      ["--framework", "torchtune", "--base", "starcoder2-15b"],
      "torchtune has no model builder for StarCoder2 15B",
    ],
    [
      ["--framework", "trl", "--base", "codellama-7b", "--gpus", "16"],
      "--gpus 16: a Kubernetes Job recipe runs on one node",
    ],
    [
      ["--framework", "trl", "--base", "codellama-7b", "--method", "dora"],
      "--method dora: expected one of lora|qlora|full",
    ],
    [
      ["--framework", "axolotl", "--base", "codellama-7b", "--gpu", "v100"],
      "--gpu v100: expected one of h100|h200|",
    ],
    [
      ["--framework", "axolotl", "--base", "codellama-7b", "--seq-len", "0"],
      "--seq-len 0: expected a whole number",
    ],
  ])("exits 2 on bad input %j", (flags, message) => {
    const args = ["--method", "lora", "--target", "k8s", ...flags, "--out", path.join(tempDir(), "r")];
    const result = recipe(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("exits 2 when the dataset has no records for the stage", () => {
    const dataset = writeBareDataset([{ text: "x = 1\n", tokens: 3 }]);
    const result = recipe(
      ...[
        "--base",
        "codellama-7b",
        "--method",
        "lora",
        "--framework",
        "trl",
        "--target",
        "k8s",
        "--stage",
        "dpo",
      ],
      ...["--dataset", dataset, "--out", path.join(tempDir(), "r")],
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("no dpo records (1 cpt shard)");
  });

  it("sums the records' token counts when there is no manifest", () => {
    const dataset = writeBareDataset([
      { text: "a", tokens: 1000 },
      { text: "b", tokens: 234 },
    ]);
    const result = recipe(
      ...["--base", "codellama-7b", "--method", "lora", "--framework", "trl", "--target", "k8s"],
      ...["--dataset", dataset, "--out", path.join(tempDir(), "r"), "--json"],
    );
    expect(result.status).toBe(0);
    const report = json(result.stdout);
    expect(report.sizing.dataset_tokens).toBe(1234);
    const trl = parse(readFileSync(path.join(report.out, "trl.yaml"), "utf8"));
    expect(trl.datasets[0].data_files).toEqual(["/data/dataset/part/data.jsonl"]);
    expect(trl.dataset_text_field).toBe("text");
  });

  it("warns when the dataset was built for another model's FIM tokens or a longer sequence", () => {
    const dataset = writeDatasetFixture();
    const result = recipe(
      ...["--base", "starcoder2-7b", "--method", "lora", "--framework", "axolotl", "--target", "k8s"],
      ...["--dataset", dataset, "--seq-len", "2048", "--out", path.join(tempDir(), "r"), "--json"],
    );
    expect(result.status).toBe(0);
    const warnings = json(result.stdout).warnings.join("\n");
    expect(warnings).toContain("the dataset packs sequences of 4096 tokens, longer than --seq-len 2048");
    expect(warnings).toContain("use codellama sentinels, StarCoder2 7B expects starcoder2");
    // the same dataset fits Code Llama at its own length: no warning
    const matching = recipe(
      ...["--base", "codellama-7b", "--method", "lora", "--framework", "axolotl", "--target", "k8s"],
      ...["--dataset", dataset, "--out", path.join(tempDir(), "r"), "--json"],
    );
    expect(json(matching.stdout).warnings).toEqual([]);
  });

  it("warns, without failing, when the plan will not fit", () => {
    const result = recipe(
      ...["--base", "codellama-34b", "--method", "full", "--framework", "axolotl", "--target", "k8s"],
      ...["--gpu", "l40s", "--out", path.join(tempDir(), "r"), "--json"],
    );
    expect(result.status).toBe(0);
    const report = json(result.stdout);
    expect(report.sizing.fits).toBe(false);
    expect(report.warnings.join("\n")).toMatch(/will not fit: needs [\d.]+ GiB per GPU .* a l40s has 45 GiB/);
    expect(result.stderr).toContain("will not fit");
  });
});

describe("data preparation shipped with the recipe", () => {
  const python = spawnSync("python3", ["--version"], { encoding: "utf8" });

  it("python3 is on this machine (the script is run for real below)", () => {
    expect(python.status, "install python3 (apt-get install -y python3)").toBe(0);
  });

  it("turns preference pairs into torchtune conversations", () => {
    const dataset = writeDatasetFixture();
    const out = path.join(tempDir(), "r");
    const result = recipe(
      ...["--base", "qwen2.5-coder-1.5b", "--method", "lora", "--framework", "torchtune", "--target", "k8s"],
      ...["--stage", "dpo", "--dataset", dataset, "--out", out],
    );
    expect(result.status).toBe(0);
    const converted = path.join(tempDir(), "pairs.jsonl");
    const run = spawnSync(
      "python3",
      ["prepare_data.py", "--mode", "messages", "--out", converted, path.join(dataset, "preference-*.jsonl")],
      { cwd: out, encoding: "utf8" },
    );
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain(`2 records -> ${converted}`);
    const first = JSON.parse(readFileSync(converted, "utf8").split("\n")[0] ?? "");
    expect(first).toEqual({
      chosen_messages: [
        { role: "user", content: "How do I deploy?" },
        { role: "assistant", content: "Run make deploy." },
      ],
      rejected_messages: [
        { role: "user", content: "How do I deploy?" },
        { role: "assistant", content: "No idea." },
      ],
    });
    const job = readFileSync(path.join(out, "k8s-job.yaml"), "utf8");
    expect(job).toContain(
      "python3 prepare_data.py --mode messages --prompt prompt --chosen chosen --rejected rejected " +
        "--out /data/output/qwen2-5-coder-1-5b-dpo-lora/pairs-messages.jsonl /data/dataset/preference-00000.jsonl",
    );
  });

  it("renames instruction/output to TRL's prompt/completion", () => {
    const dataset = writeDatasetFixture();
    const out = path.join(tempDir(), "r");
    expect(
      recipe(
        ...[
          "--base",
          "deepseek-coder-1.3b",
          "--method",
          "lora",
          "--framework",
          "trl",
          "--target",
          "skypilot",
        ],
        ...["--stage", "sft", "--dataset", dataset, "--out", out],
      ).status,
    ).toBe(0);
    const task = parse(readFileSync(path.join(out, "skypilot.yaml"), "utf8"));
    expect(task.file_mounts).toEqual({ "/data/dataset": dataset });
    expect(task.setup).toContain("--mode prompt-completion --prompt instruction --completion output");
    const converted = path.join(tempDir(), "sft.jsonl");
    const run = spawnSync(
      "python3",
      [
        ...[
          "prepare_data.py",
          "--mode",
          "prompt-completion",
          "--prompt",
          "instruction",
          "--completion",
          "output",
        ],
        ...["--out", converted, path.join(dataset, "instruct-00000.jsonl")],
      ],
      { cwd: out, encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(converted, "utf8"))).toEqual({
      prompt: "Fix rounding",
      completion: "- a\n+ b\n",
    });
  });
});
