import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { launchChromium } from "../browser/chromium.js";
import { runCli, tempDir } from "../cli/run-cli.js";

const dir = tempDir("uplift-exp-design-");
const dataDir = path.join(dir, "data");
const units = path.join(dir, "developers.csv");
const out = path.join(dir, "assignment.csv");
writeFileSync(
  units,
  `login,team,pre_hours\n${Array.from({ length: 30 }, (_, i) => `dev${i},${["web", "api", "data"][i % 3]},${(5 + ((i * 7) % 23)).toFixed(1)}`).join("\n")}\n`,
);
const cli = (...args: string[]) => runCli(["--data-dir", dataDir, "experiment", ...args]);

describe("uplift experiment design / assign-late / show", () => {
  it("writes a stratified assignment, stores it, and prints the balance table as JSON", () => {
    const result = cli(
      "design",
      "--units",
      units,
      "--arms",
      "control,treatment",
      "--stratify",
      "team",
      "--seed",
      "7",
      "--out",
      out,
      "--rerandomize",
      "50",
      "--balance",
      "pre_hours",
      "--name",
      "pilot",
      "--start",
      "2026-03-02",
      "--ramp-up-days",
      "14",
      "--json",
    );
    expect(result.status, result.stderr).toBe(0);
    const design = JSON.parse(result.stdout);
    expect(design).toMatchObject({
      name: "pilot",
      seed: 7,
      units: 30,
      counts: { control: 15, treatment: 15 },
      stored: true,
    });
    expect(design.balance[0]).toMatchObject({ column: "pre_hours" });
    expect(Math.abs(design.balance[0].smd)).toBeLessThanOrEqual(
      design.rerandomization.first_draw_max_abs_smd,
    );
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("login,arm,stratum");
    expect(lines).toHaveLength(31);
    expect(lines.filter((l) => l.includes(",treatment,"))).toHaveLength(15);
  });

  it("refuses a second experiment with the same name: exit 2, the CSV untouched, no temporary file left", () => {
    const before = readFileSync(out, "utf8");
    const result = cli("design", "--units", units, "--seed", "8", "--out", out, "--name", "pilot");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('experiment "pilot" already exists');
    expect(readFileSync(out, "utf8")).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("assigns late joiners, marks leavers with --roster, and show exports the whole assignment", () => {
    const roster = path.join(dir, "roster.csv");
    const current = readFileSync(units, "utf8").trim().split("\n").slice(3); // dev0, dev1 left
    writeFileSync(roster, `login,team,pre_hours\n${[...current, "newA,web,9", "newB,web,12"].join("\n")}\n`);
    const late = cli("assign-late", "--name", "pilot", "--units", roster, "--roster", "--json");
    expect(late.status, late.stderr).toBe(0);
    const batch = JSON.parse(late.stdout);
    expect(batch.assigned.map((a: { unit: string }) => a.unit).sort()).toEqual(["newA", "newB"]);
    expect(batch.leavers).toEqual(["dev0", "dev1"]);
    expect(batch.note).toMatch(/intention to treat/);
    expect(batch.counts.control + batch.counts.treatment).toBe(32);

    const exported = path.join(dir, "export.csv");
    const show = cli("show", "pilot", "--out", exported, "--json");
    expect(show.status, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ units: 32, late_joiners: 2, left: 2 });
    const rows = readFileSync(exported, "utf8").trim().split("\n");
    expect(rows[0]).toBe("login,arm,stratum,batch,assigned_at,left_at");
    expect(rows.find((r) => r.startsWith("dev0,"))).toMatch(/,0,[^,]+,\d{4}-\d\d-\d\dT/);
  });

  it("analyze --experiment excludes the stored ramp-up window and says so", () => {
    const prs = path.join(dir, "prs.csv");
    const arms = new Map(
      readFileSync(out, "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(",") as [string, string]),
    );
    const rows = ["dev,arm,created,hours"];
    [...arms].forEach(([dev, arm], d) => {
      for (let i = 0; i < 4; i++) {
        const day = 3 + ((d + 7 * i) % 26); // 2026-03-03 … 2026-03-28
        rows.push(
          `${dev},${arm},2026-03-${String(day).padStart(2, "0")}T10:00:00Z,${(10 + ((d * 3 + i * 5) % 17)).toFixed(1)}`,
        );
      }
    });
    writeFileSync(prs, `${rows.join("\n")}\n`);
    const result = runCli([
      "--data-dir",
      dataDir,
      "experiment",
      "analyze",
      "--data",
      prs,
      "--outcome",
      "hours",
      "--arm",
      "arm",
      "--treatment",
      "treatment",
      "--unit",
      "dev",
      "--log-outcome",
      "--date",
      "created",
      "--experiment",
      "pilot",
      "--cluster-bootstrap",
      "100",
      "--save",
      "--metric",
      "pr_merge_time",
      "--json",
    ]);
    expect(result.status, result.stderr).toBe(0);
    const { checks, n } = JSON.parse(result.stdout);
    expect(checks.analysis_period.from).toBe("2026-03-16T00:00:00.000Z");
    expect(checks.analysis_period.note).toMatch(
      /14-day ramp-up after the start of experiment pilot \(2026-03-02\) is excluded/,
    );
    const before = rows.slice(1).filter((r) => (r.split(",")[2] ?? "") < "2026-03-16").length;
    expect(checks.excluded_rows.outside_period).toBe(before);
    expect(n.rows).toBe(rows.length - 1 - before);
  });

  it("report writes one self-contained HTML file that Chromium renders without fetching anything", async () => {
    const html = path.join(dir, "report.html");
    const result = cli("report", "pilot", "--out", html, "--json");
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ name: "pilot", metrics: ["pr_merge_time"] });
    const session = await launchChromium();
    try {
      const page = await session.context.newPage();
      const requests: string[] = [];
      page.on("request", (request) => {
        requests.push(request.url());
      });
      await page.goto(pathToFileURL(html).href);
      expect(requests).toEqual([pathToFileURL(html).href]);
      expect(await page.locator("h1").textContent()).toBe("Experiment pilot: control vs treatment");
      expect(await page.locator("svg").count()).toBe(3); // forest plot, developers by arm, weekly trend
      expect(await page.locator("svg rect.ramp").count()).toBe(1);
      expect(await page.locator(".summary li").first().textContent()).toMatch(/pr_merge_time/);
    } finally {
      await session.close();
    }
  });

  it("exits 2 naming the column for an unknown strata column, and for an unknown experiment", () => {
    const bad = cli(
      "design",
      "--units",
      units,
      "--stratify",
      "squad",
      "--seed",
      "1",
      "--out",
      path.join(dir, "x.csv"),
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--stratify squad: ");
    expect(bad.stderr).toContain('has no column "squad" (columns: login, team, pre_hours)');
    const unknown = cli("show", "nope");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no experiment named "nope" (experiments: pilot)');
  });
});
