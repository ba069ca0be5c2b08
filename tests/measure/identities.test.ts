import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";

const dir = tempDir("uplift-identities-");
const data = path.join(dir, "data");
const uplift = (...args: string[]) => runCli(["--data-dir", data, ...args], { cwd: dir });

function file(name: string, text: string): string {
  writeFileSync(path.join(dir, name), text);
  return name;
}

function authors(): [string, number][] {
  const metrics = uplift("measure", "metrics", "--json", "--group-by", "author", "--metric", "pr_merge_time");
  expect(metrics.status, metrics.stderr).toBe(0);
  return JSON.parse(metrics.stdout)
    .metrics.map((m: { group: string; n: number }) => [m.group, m.n])
    .sort(([a]: [string], [b]: [string]) => (a < b ? -1 : 1));
}

describe("uplift measure identities (built CLI)", () => {
  it("exports mappings and unresolved names; the reviewed file re-attributes aliased PRs", () => {
    const t = (day: number) => `2025-03-0${day}T09:00:00Z`;
    expect(
      uplift(
        "measure",
        "import",
        "csv",
        "--kind",
        "developers",
        file("devs.csv", "login,team\nann,a\nbob,b\n"),
      ).status,
    ).toBe(0);
    const prs = file(
      "prs.csv",
      "id,repo,author,created_at,merged_at\n" +
        `1,web,ann,${t(3)},${t(4)}\n2,web,Ann@Example.com,${t(3)},${t(4)}\n3,web,ann-gh,${t(3)},${t(4)}\n` +
        `4,web,bob,${t(3)},${t(4)}\n5,web,carol,${t(3)},${t(4)}\n`,
    );
    expect(uplift("measure", "import", "csv", "--kind", "prs", prs).status).toBe(0);
    const telemetry = file("telemetry.csv", "user,date,shown,accepted\nann.s,2025-03-03,10,3\n");
    expect(uplift("measure", "import", "csv", "--kind", "telemetry", telemetry).status).toBe(0);
    expect(authors()).toEqual([
      ["Ann@Example.com", 1],
      ["ann", 1],
      ["ann-gh", 1],
      ["bob", 1],
      ["carol", 1],
    ]);

    const exported = uplift("measure", "identities", "export", "--out", "identities.csv", "--json");
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({ file: "identities.csv", mapped: 2, unresolved: 4 });
    const text = readFileSync(path.join(dir, "identities.csv"), "utf8");
    expect(text).toBe(
      "alias,login,source\nann-gh,,\nann.s,,\nann@example.com,,\ncarol,,\n" +
        "ann,ann,developers:devs.csv\nbob,bob,developers:devs.csv\n",
    );

    // the reviewer maps two of Ann's aliases and leaves the others open
    file(
      "identities.csv",
      text.replace("ann-gh,,", "ann-gh,ann,github").replace("ann@example.com,,", "ann@example.com,ann,"),
    );
    const imported = uplift("measure", "identities", "import", "identities.csv", "--json");
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ file: "identities.csv", rows: 6, written: 4, skipped: 2 });
    expect(authors()).toEqual([
      ["ann", 3],
      ["bob", 1],
      ["carol", 1],
    ]);

    const again = uplift("measure", "identities", "export", "--out", "after.csv", "--json");
    expect(JSON.parse(again.stdout)).toEqual({ file: "after.csv", mapped: 4, unresolved: 2 });
    expect(readFileSync(path.join(dir, "after.csv"), "utf8")).toContain(
      "ann-gh,ann,github\nann@example.com,ann,file\n",
    );
  });

  it("refuses a bad file with exit 2 naming file, line and column, and writes nothing", () => {
    const before = readFileSync(path.join(dir, "after.csv"), "utf8");
    const twice = uplift(
      "measure",
      "identities",
      "import",
      file("twice.csv", "alias,login\ncarol,cy\nzed,zed\nCAROL,carla\n"),
    );
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(
      /twice\.csv line 4, column login: alias "carol" is mapped to "carla" here and to "cy" on line 2/,
    );
    const empty = uplift(
      "measure",
      "identities",
      "import",
      file("empty.csv", "alias,login,source\n,ann,x\n"),
    );
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/empty\.csv line 2, column alias: the alias is empty/);
    const header = uplift("measure", "identities", "import", file("header.csv", "email,login\na@b.c,ann\n"));
    expect(header.status).toBe(2);
    expect(header.stderr).toMatch(
      /header\.csv line 1: the header must be alias,login\[,source\]; missing alias; unknown column email/,
    );
    expect(uplift("measure", "identities", "export", "--out", "after.csv").status).toBe(0);
    expect(readFileSync(path.join(dir, "after.csv"), "utf8")).toBe(before);
  });
});
