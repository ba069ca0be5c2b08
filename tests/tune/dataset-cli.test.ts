import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";
import { gitRepo, moduleText, writeFiles } from "./dataset-fixture.js";

const work = tempDir("uplift-dataset-cli-");
const data = path.join(work, "data");
let repo: string;

beforeAll(() => {
  repo = gitRepo(path.join(work, "money"), {
    "package.json": JSON.stringify({ name: "money", license: "MIT" }),
    "src/format.ts": moduleText("format"),
    "src/parse.ts": moduleText("parse", ["format"]),
  });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("uplift tune dataset", () => {
  it("writes shards and manifest.json and prints the manifest with --json", () => {
    const out = path.join(work, "ds");
    const { status, stdout, stderr } = runCli(
      ["--data-dir", data, "tune", "dataset", "--repo", repo, "--out", out, "--seq-len", "1024", "--json"],
      { cwd: work },
    );
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed).toEqual(JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8")));
    expect(printed).toMatchObject({
      counts: { files_kept: 2 },
      dedup: { exact_duplicates: 0, near_duplicates: 0 },
      redactions: {},
      settings: { tokenizer: "codellama", seq_len: 1024, fim_rate: 0.5 },
    });
    expect(existsSync(path.join(out, "pretrain-00000.jsonl"))).toBe(true);
  });

  it("exits 2 naming the input for a --repo that is not a repository, a missing one, an unknown tokenizer", () => {
    const plain = path.join(work, "plain");
    writeFiles(plain, { "a.ts": "export const a = 1;\n" });
    const cases: Array<[string[], RegExp]> = [
      [["--repo", plain], new RegExp(`--repo ${plain}: not a Git repository`)],
      [["--repo", path.join(work, "missing")], /missing: no such directory/],
      [
        ["--repo", repo, "--tokenizer", "gpt-17"],
        /--tokenizer gpt-17: unknown tokenizer; known: codellama, llama2/,
      ],
      [["--repo", repo, "--fim-rate", "2"], /--fim-rate 2: expected a number from 0 to 1/],
      [["--repo", repo, "--decontaminate", path.join(work, "none.jsonl")], /none\.jsonl: no such file/],
      [["--out", path.join(work, "o")], /--repo is required/],
    ];
    for (const [args, message] of cases) {
      const out = args.includes("--out") ? [] : ["--out", path.join(work, "never")];
      const { status, stderr } = runCli(["--data-dir", data, "tune", "dataset", ...args, ...out], {
        cwd: work,
      });
      expect(stderr).toMatch(message);
      expect(status).toBe(2);
    }
    expect(existsSync(path.join(work, "never"))).toBe(false);
  });
});
