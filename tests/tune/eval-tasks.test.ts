import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { TreeSitterLoader } from "@uplift/code";
import { InputError, silentLogger } from "@uplift/core";
import { buildEvalTasks, type EvalTask, parseTasks } from "@uplift/tune";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../cli/run-cli.js";
import { MONEY_FORMAT, SHOP_RECEIPT, writeEvalOrg } from "./eval-fixture.js";

let org: { money: string; shop: string };
const loader = new TreeSitterLoader();
const build = (options: Partial<Parameters<typeof buildEvalTasks>[0]>) =>
  buildEvalTasks({ repos: [], holdoutRepos: [], seed: 7, loader, logger: silentLogger(), ...options });
const original = (task: EvalTask) => task.prefix + task.expected + (task.suffix ?? "");

beforeAll(() => {
  org = writeEvalOrg(tempDir("uplift-tune-tasks-"));
});

describe("tune tasks from code the model has not seen", () => {
  it("takes only files changed after --after, with every kind cut from the file as it is", async () => {
    const { tasks, summary } = await build({ repos: [org.money, org.shop], after: new Date("2026-01-01") });
    expect(new Set(tasks.map((t) => `${t.repo}/${t.path}`))).toEqual(new Set(["shop/src/receipt.ts"]));
    expect(summary.by_kind.function_body).toBe(2); // renderLine, total (totalFromText has no doc comment)
    expect(summary.by_kind.api_usage).toBeGreaterThan(0);
    expect(summary.by_kind.next_line).toBeGreaterThan(0);
    expect(summary.context).toMatch(/^none/);
    for (const task of tasks) expect(original(task)).toBe(SHOP_RECEIPT);

    const body = tasks.find((t) => t.id === "function_body:shop/src/receipt.ts:9");
    expect(body).toMatchObject({
      kind: "function_body",
      language: "typescript",
      prompt:
        "/** Renders one receipt line with its label padded to 20 characters. */\nexport function renderLine(line: Line): string {",
      expected: SHOP_RECEIPT.split("\n").slice(9, 11).join("\n"),
    });
    for (const api of tasks.filter((t) => t.kind === "api_usage")) {
      expect(api.api?.repo).toBe("money");
      expect(api.expected).toMatch(/formatAmount\(|parseAmount\(/);
    }
  });

  it("uses every file of a held-out repository", async () => {
    const { tasks, summary } = await build({
      repos: [org.shop],
      holdoutRepos: [org.money],
      after: new Date("2027-01-01"),
    });
    expect(summary.repos.map((r) => [r.name, r.role])).toEqual([
      ["money", "holdout"],
      ["shop", "after"],
    ]);
    expect(tasks.map((t) => t.id)).toContain("function_body:money/src/format.ts:2");
    for (const task of tasks) expect(original(task)).toBe(MONEY_FORMAT);
  });

  it("is deterministic for a seed and respects --limit with kinds interleaved", async () => {
    const a = await build({ repos: [org.money, org.shop], seed: 3 });
    const b = await build({ repos: [org.money, org.shop], seed: 3 });
    expect(a.tasks).toEqual(b.tasks);
    const limited = await build({ repos: [org.money, org.shop], seed: 3, limit: 3 });
    expect(limited.tasks).toHaveLength(3);
    expect(new Set(limited.tasks.map((t) => t.kind)).size).toBe(3);
  });

  it("refuses a missing directory and --after on a directory without Git history", async () => {
    await expect(build({ repos: [path.join(org.shop, "nope")] })).rejects.toThrow(
      /--repo .*nope: no such directory/,
    );
    const plain = tempDir("uplift-tune-plain-");
    mkdirSync(path.join(plain, "src"));
    writeFileSync(path.join(plain, "src/a.ts"), "export const a = 1;\n");
    const error = await build({ repos: [plain], after: new Date("2026-01-01") }).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(/not a Git repository/);
  });
});

describe("tasks files", () => {
  it("names the line and field of a bad task", () => {
    const good = JSON.stringify({
      id: "a",
      kind: "next_line",
      repo: "r",
      path: "p",
      language: "typescript",
      prompt: "",
      prefix: "",
      expected: "x",
    });
    expect(() => parseTasks(`${good}\n{"id":"b","kind":"poem"}\n`, "tasks.jsonl")).toThrow(
      /tasks\.jsonl:2: field kind/,
    );
    expect(() => parseTasks(`${good}\nnot json\n`, "tasks.jsonl")).toThrow(/tasks\.jsonl:2: not valid JSON/);
    expect(() => parseTasks(`${good}\n${good}\n`, "t.jsonl")).toThrow(/t\.jsonl:2: duplicate task id a/);
    expect(parseTasks(`${good}\n\n`, "t.jsonl")).toHaveLength(1);
  });

  it("round-trips what tune tasks builds", async () => {
    const { tasks } = await build({ repos: [org.money, org.shop] });
    const file = path.join(tempDir(), "tasks.jsonl");
    writeFileSync(file, tasks.map((t) => JSON.stringify(t)).join("\n"));
    expect(parseTasks(readFileSync(file, "utf8"), file)).toEqual(tasks);
  });
});
