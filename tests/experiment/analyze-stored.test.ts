import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";
import { storedFixture } from "./stored-fixture.js";

// juniors −20 %, seniors −20 % and a further −25 % (−40 % in all)
const fixture = storedFixture(tempDir("uplift-exp-stored-"), { mergeEffect: -0.2, seniorExtra: -0.25 });
// every test runs the CLI several times against one data dir: allow for a loaded machine
const analyze = (...args: string[]) =>
  runCli(["--data-dir", fixture.dataDir, "experiment", "analyze", "--experiment", fixture.name, ...args]);

describe("uplift experiment analyze on stored metrics (no --data)", () => {
  it("estimates the merge-time effect with the arm from the stored assignment and the pre-period covariate", () => {
    const result = analyze("--metric", "pr_merge_time", "--cluster-bootstrap", "200", "--json");
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({
      experiment: "pilot",
      source: "store",
      arms: { treatment: "treatment", control: "control" },
    });
    const [merge] = out.metrics;
    expect(merge).toMatchObject({ metric: "pr_merge_time", role: "outcome", grain: "record" });
    expect(merge.effect.scale).toBe("relative");
    // the average of −20 % (juniors) and −40 % (seniors) on the log scale is about −31 %
    expect(merge.effect.ci[0]).toBeLessThan(-0.31);
    expect(merge.effect.ci[1]).toBeGreaterThan(-0.31);
    expect(merge.n.units).toBe(60);
    expect(merge.effect.method).toContain("pre_pr_merge_time");
    expect(merge.checks.balance[0].covariate).toBe("pre_pr_merge_time");
    // the 14-day ramp-up is left out and stated
    expect(merge.left_out.ramp_up).toBeGreaterThan(0);
    expect(merge.checks.analysis_period.from).toBe("2026-03-16T00:00:00.000Z");
    expect(merge.checks.analysis_period.note).toMatch(/14-day ramp-up .* is excluded/);
  }, 120_000);

  it("analyses several metrics in one run with Holm and Benjamini–Hochberg across the family", () => {
    const result = analyze(
      "--metric",
      "pr_merge_time,pr_size",
      "--metric",
      "prs_per_developer_week",
      "--cluster-bootstrap",
      "0",
      "--json",
    );
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.metrics.map((m: { metric: string }) => m.metric)).toEqual([
      "pr_merge_time",
      "pr_size",
      "prs_per_developer_week",
    ]);
    const weekly = out.metrics[2];
    expect(weekly.grain).toBe("developer-week");
    expect(weekly.effect.scale).toBe("absolute");
    // 60 developers × full weeks from the ramp-up's end (2026-03-16) to the last PR's week
    expect(weekly.n.rows % 60).toBe(0);
    expect(out.multiplicity.family).toEqual(["pr_merge_time", "pr_size", "prs_per_developer_week"]);
    const merge = out.metrics[0];
    const ps = out.metrics.map((m: { effect: { p_value: number } }) => m.effect.p_value);
    // Holm: the smallest p times 3
    expect(merge.holm_p_value).toBeCloseTo(Math.min(1, 3 * Math.min(...ps)), 12);
    expect(merge.bh_p_value).toBeLessThanOrEqual(merge.holm_p_value);
  }, 120_000);

  it("treats a metric with a margin as a guardrail and gives the verdict in the guardrail table", () => {
    const result = analyze(
      "--metric",
      "pr_merge_time",
      "--metric",
      "pr_size",
      "--guardrail",
      "pr_merge_time=0.05",
      "--cluster-bootstrap",
      "0",
      "--json",
    );
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.metrics[0].role).toBe("guardrail");
    expect(out.multiplicity.family).toEqual(["pr_size"]);
    expect(out.guardrails).toHaveLength(1);
    expect(out.guardrails[0]).toMatchObject({
      metric: "pr_merge_time",
      margin: 0.05,
      direction: "lower is better",
      verdict: "non-inferior",
    });
  }, 120_000);

  it("splits the effect by a developer attribute (--by) and detects that seniors respond more", () => {
    const result = analyze(
      "--metric",
      "pr_merge_time",
      "--by",
      "seniority,team",
      "--cluster-bootstrap",
      "0",
      "--json",
    );
    expect(result.status, result.stderr).toBe(0);
    const [merge] = JSON.parse(result.stdout).metrics;
    const [seniority, team] = merge.heterogeneity;
    expect(seniority.by).toBe("seniority");
    const junior = seniority.subgroups.find((g: { value: string }) => g.value === "junior");
    const senior = seniority.subgroups.find((g: { value: string }) => g.value === "senior");
    expect(junior.ci[0]).toBeLessThan(-0.2);
    expect(junior.ci[1]).toBeGreaterThan(-0.2);
    expect(senior.ci[0]).toBeLessThan(-0.4);
    expect(senior.ci[1]).toBeGreaterThan(-0.4);
    expect(seniority.omnibus.p_value).toBeLessThan(0.05);
    expect(team.subgroups).toHaveLength(3);
    expect(team.multiplicity).toMatch(/Holm across the 3 subgroups/);
    const unknown = analyze("--metric", "pr_merge_time", "--by", "language");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--by language: no developer has that attribute/);
  }, 120_000);

  it("analyses stored Likert items by arm: ordinal test, share agreeing with Newcombe interval, Holm across items", () => {
    const result = analyze("--kind", "survey", "--json");
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.kind).toBe("survey");
    expect(out.items.map((i: { item: string }) => i.item)).toEqual(["productive", "quality"]);
    const [productive, quality] = out.items;
    expect(productive.treatment.n + productive.control.n).toBe(60);
    expect(productive.mann_whitney.p_value).toBeLessThan(0.01);
    expect(productive.agree_difference.ci[0]).toBeGreaterThan(0);
    expect(productive.probability_of_superiority).toBeGreaterThan(0.6);
    expect(quality.holm_p_value).toBeGreaterThanOrEqual(quality.mann_whitney.p_value);
    expect(
      Object.values(productive.treatment.distribution).reduce((a: number, b) => a + (b as number), 0),
    ).toBe(productive.treatment.n);
  }, 120_000);

  it("analyses stored telemetry: acceptance by arm with its definition, adoption per week, no comparison without control telemetry", () => {
    const result = analyze("--kind", "telemetry", "--cluster-bootstrap", "300", "--json");
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out.definition).toMatch(/accepted \/ suggestions shown/);
    const [treatment, control] = out.arms;
    expect(treatment).toMatchObject({ arm: "treatment", developers_assigned: 30, developers_active: 30 });
    expect(treatment.acceptance_ci[0]).toBeLessThan(0.3);
    expect(treatment.acceptance_ci[1]).toBeGreaterThan(0.3);
    expect(control).toMatchObject({ arm: "control", developers_active: 0, acceptance_rate: null });
    expect(out.difference).toBeNull();
    expect(out.warnings.join(" ")).toMatch(/not compared/);
    const week = out.weekly.find((w: { arm: string }) => w.arm === "treatment");
    expect(week.adoption).toBeGreaterThan(0.5);
    expect(week.adoption).toBeLessThanOrEqual(1);
  }, 120_000);

  it("saves every analysis and the report shows the guardrail verdict, survey and telemetry sections", () => {
    const saved = analyze(
      "--metric",
      "pr_merge_time,pr_size",
      "--guardrail",
      "pr_size=0.5",
      "--cluster-bootstrap",
      "0",
      "--save",
      "--json",
    );
    expect(saved.status, saved.stderr).toBe(0);
    expect(analyze("--kind", "survey", "--save", "--json").status).toBe(0);
    expect(analyze("--kind", "telemetry", "--cluster-bootstrap", "200", "--save", "--json").status).toBe(0);
    const out = path.join(path.dirname(fixture.dataDir), "report.html");
    const report = runCli(["--data-dir", fixture.dataDir, "experiment", "report", "pilot", "--out", out]);
    expect(report.status, report.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(
      /<td>pr_size<\/td><td>\+[\d.]+<\/td>.*<td>(non-inferior|inconclusive|<span class="warn">worse<\/span>)<\/td>/s,
    );
    expect(html).toContain("<h2>Surveys</h2>");
    expect(html).toContain("<td>productive</td>");
    expect(html).toContain("<h2>Assistant telemetry</h2>");
    expect(html).toContain("acceptance rate = suggestions accepted / suggestions shown");
    expect(html).not.toMatch(/<script|https?:/);
  }, 120_000);

  it("prints a text summary naming the family and guardrails", () => {
    const result = analyze("--metric", "pr_merge_time", "--cluster-bootstrap", "0");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/== pr_merge_time \(outcome, one row per record\) ==/);
    expect(result.stdout).toMatch(/pr_merge_time is \d+\.\d % lower in the treatment arm/);
  }, 120_000);

  it("exits 2 for an unknown metric, a metric not attributed to developers, and a missing --metric", () => {
    const unknown = analyze("--metric", "pr_nonsense", "--json");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown metric/);
    const none = analyze("--json");
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--metric/);
    const csvFlag = analyze("--metric", "pr_merge_time", "--outcome", "x");
    expect(csvFlag.status).toBe(2);
    expect(csvFlag.stderr).toMatch(/--outcome applies to --data/);
    expect(analyze("--metric", "pr_merge_time").stdout).not.toMatch(/NaN/);
  }, 120_000);
});
