import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";
import { writeFixtureOrg } from "./fixture-org.js";

interface Snippet {
  repo: string;
  path: string;
  start_line: number;
  end_line: number;
  reason: string;
  score: number;
  text: string;
}

let work: string;
let dataDir: string;
let repos: Record<string, string>;

function uplift(...args: string[]) {
  const result = runCli(["--data-dir", dataDir, ...args]);
  return { ...result, json: () => JSON.parse(result.stdout) };
}

function context(
  file: string,
  line: number,
  column: number,
  budget = 1024,
): { snippets: Snippet[]; tokens: number } {
  const result = uplift(
    "code",
    "context",
    "--file",
    file,
    "--line",
    String(line),
    "--column",
    String(column),
    "--budget-tokens",
    String(budget),
    "--json",
  );
  expect(result.status, result.stderr).toBe(0);
  return result.json();
}

beforeAll(() => {
  work = tempDir("uplift-code-org-");
  dataDir = path.join(work, "data");
  repos = writeFixtureOrg(work);
  const result = uplift("code", "index", ...Object.values(repos).flatMap((r) => ["--path", r]), "--json");
  expect(result.status, result.stderr).toBe(0);
  const report = result.json();
  const lib = report.repositories.find((r: { repo: string }) => r.repo === "lib");
  expect(lib).toMatchObject({
    files_indexed: 1,
    packages: [{ name: "@acme/money", ecosystem: "npm", dir: "" }],
    skipped: { vendored: 1, generated: 2, minified: 1, binary: 1, unsupported: 2 },
  });
  expect(report.embedder).toBeNull();
});

describe("uplift code context", () => {
  it("includes the definition from another repository for a TypeScript call, with its repo-relative path", () => {
    const { snippets, tokens } = context(path.join(repos.app as string, "src/receipt.ts"), 4, 37);
    const definition = snippets.find((s) => s.reason === "definition");
    expect(definition).toMatchObject({ repo: "lib", path: "src/format.ts", start_line: 1, end_line: 6 });
    expect(definition?.text).toContain("export function formatAmount(cents: number, currency: string)");
    expect(snippets.find((s) => s.reason === "imports")).toMatchObject({
      repo: "app",
      path: "src/receipt.ts",
      start_line: 1,
      end_line: 1,
    });
    expect(tokens).toBeGreaterThan(0);
    expect(tokens).toBeLessThanOrEqual(1024);
  });

  it.each([
    ["pyapp", "shop/receipt.py", 5, 40, "pymoney", "src/acme/money/format.py", "def format_amount"],
    ["goapp", "receipt.go", 6, 40, "gomoney", "format/amount.go", "func FormatAmount"],
    [
      "javaapp",
      "src/main/java/com/acme/shop/Receipt.java",
      7,
      45,
      "javamoney",
      "src/main/java/com/acme/money/Format.java",
      "formatAmount(long cents",
    ],
    ["csapp", "Receipt.cs", 7, 75, "csmoney", "Format.cs", "FormatAmount(long cents"],
    [
      "ktapp",
      "src/main/kotlin/com/acme/shop/Receipt.kt",
      5,
      61,
      "ktmoney",
      "src/main/kotlin/com/acme/money/Rounding.kt",
      "fun roundCents(value: Double): Long",
    ],
  ])(
    "resolves the callee across repositories in %s/%s",
    (repo, file, line, column, defRepo, defPath, text) => {
      const { snippets } = context(path.join(repos[repo] as string, file), line, column);
      const definition = snippets.find((s) => s.reason === "definition" && s.repo === defRepo);
      expect(definition, JSON.stringify(snippets, null, 1)).toMatchObject({ path: defPath });
      expect(definition?.text).toContain(text);
    },
  );

  it("reads the file as it is on disk while it is being typed, even when it does not parse", () => {
    const file = path.join(repos.app as string, "src/draft.ts");
    writeFileSync(
      file,
      'import { parseAmount } from "@acme/money";\n\nexport function total(input: string) {\n  const cents = parseAmount(',
    );
    const { snippets } = context(file, 4, 28, 256);
    expect(snippets.find((s) => s.reason === "definition")).toMatchObject({
      repo: "lib",
      path: "src/format.ts",
      start_line: 8,
    });
    rmSync(file);
  });

  it("exits 2 naming the line and column when the cursor is outside the file", () => {
    const file = path.join(repos.app as string, "src/receipt.ts");
    const result = uplift("code", "context", "--file", file, "--line", "4", "--column", "99", "--json");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--column 99: line 4 of .*receipt\.ts has \d+ character/);
  });
});

describe("uplift code search", () => {
  it("puts the exact spelling of a name first, and definitions named like the words right after", () => {
    const exact = uplift("code", "search", "formatAmount", "--k", "5", "--json");
    expect(exact.status, exact.stderr).toBe(0);
    const [first] = exact.json().results;
    expect(Object.keys(first).sort()).toEqual([
      "end_line",
      "kind",
      "path",
      "repo",
      "score",
      "start_line",
      "symbol",
      "text",
    ]);
    expect(first).toMatchObject({
      symbol: "formatAmount",
      kind: "function",
      repo: "lib",
      path: "src/format.ts",
      start_line: 1,
    });
    const words = uplift("code", "search", "format amount", "--k", "10", "--json").json()
      .results as Snippet[];
    const named = words
      .slice(0, 3)
      .map((r) => (r as unknown as { symbol: string }).symbol.replace(/^.*\./, ""));
    expect(new Set(named)).toEqual(new Set(["formatAmount", "format_amount", "FormatAmount"]));
  });

  it("ranks the code above its tests when only the words match", () => {
    const { results } = uplift(
      "code",
      "search",
      "round value to cents",
      "--repo",
      "ktmoney",
      "--json",
    ).json();
    const paths = results.map((r: Snippet) => r.path);
    expect(paths[0]).toBe("src/main/kotlin/com/acme/money/Rounding.kt");
    expect(paths).toContain("src/test/kotlin/com/acme/money/RoundingTest.kt");
  });

  it("filters by repository", () => {
    const { results } = uplift("code", "search", "format amount", "--repo", "pymoney", "--json").json();
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r: Snippet) => r.repo === "pymoney")).toBe(true);
  });
});

describe("uplift code similar", () => {
  it("finds the renamed copy of a function in another repository", () => {
    const result = uplift(
      "code",
      "similar",
      "--file",
      path.join(repos.lib as string, "src/format.ts"),
      "--lines",
      "1-6",
      "--json",
    );
    expect(result.status, result.stderr).toBe(0);
    const [match] = result.json().results;
    expect(match).toMatchObject({
      repo: "app",
      path: "src/copied.ts",
      symbol: "fmtMoney",
      query_start_line: 1,
      query_end_line: 6,
    });
    expect(match.jaccard).toBeGreaterThanOrEqual(0.5);
  });

  it("exits 2 on a bad line range", () => {
    const result = uplift(
      "code",
      "similar",
      "--file",
      path.join(repos.lib as string, "src/format.ts"),
      "--lines",
      "9-3",
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--lines 9-3/);
  });
});

describe("uplift code index", () => {
  it("re-indexes only changed files and removes deleted ones", () => {
    appendFileSync(
      path.join(repos.app as string, "src/receipt.ts"),
      "\nexport const currencyOfShop = 'eur';\n",
    );
    rmSync(path.join(repos.app as string, "src/copied.ts"));
    const result = uplift(
      "code",
      "index",
      "--path",
      repos.app as string,
      "--path",
      repos.lib as string,
      "--json",
    );
    expect(result.status, result.stderr).toBe(0);
    const [app, lib] = result.json().repositories;
    expect(app).toMatchObject({ repo: "app", files_indexed: 1, files_unchanged: 0, files_deleted: 1 });
    expect(lib).toMatchObject({ repo: "lib", files_indexed: 0, files_unchanged: 1, files_deleted: 0 });
    const { results } = uplift("code", "search", "fmtMoney", "--json").json();
    expect(results.some((r: Snippet) => r.path === "src/copied.ts")).toBe(false);
    const found = uplift("code", "search", "currency of shop", "--repo", "app", "--json").json().results;
    expect(found[0]?.text).toContain("currencyOfShop");
  });

  it("exits 2 naming a path that is not a directory, and requires --path", () => {
    const missing = path.join(work, "nope");
    const result = uplift("code", "index", "--path", missing);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`--path ${missing}: no such directory`);
    expect(uplift("code", "index").status).toBe(2);
  });
});
