import { describe, expect, it } from "vitest";
import { referencePath } from "../../reference/reference.js";
import { prepareAnalysisData } from "../analysis/analysis-data.js";
import { analysisRecord } from "../analysis/analysis-record.js";
import type { AnalysisSpec } from "../analysis/analysis-spec.js";
import { analyzeExperiment } from "../analysis/analyze-experiment.js";
import { parseCsvTable, readCsvTable } from "../csv/csv-table.js";
import { designExperiment } from "../design/design-experiment.js";
import type { StoredAssignment, StoredExperiment } from "../design/experiment-repository.js";
import { parseStratify } from "../design/strata.js";
import { renderExperimentReport } from "./render-report.js";
import { multiplicity, summarySentences } from "./report-summary.js";

const table = readCsvTable(referencePath("analysis-small.csv"));
const spec: AnalysisSpec = {
  outcome: "hours",
  arm: "arm",
  treatment: "treatment",
  unit: "dev",
  covariate: "pre",
  logOutcome: true,
  logCovariate: true,
};
const record = (metric: string, options: Parameters<typeof analyzeExperiment>[1] = {}) => {
  const data = prepareAnalysisData(table, spec);
  return analysisRecord(
    metric,
    table,
    data,
    analyzeExperiment(data, { bootstrapReplicates: 100, ...options }),
  );
};
const units = parseCsvTable(
  `login,team\n${Array.from({ length: 12 }, (_, i) => `dev${String(i + 1).padStart(2, "0")},${i % 2 ? "web" : "api"}`).join("\n")}\n`,
  "developers.csv",
);
const design = designExperiment(units, {
  name: "pilot",
  arms: ["control", "treatment"],
  unitColumn: "login",
  stratify: parseStratify("team"),
  seed: 1,
  rerandomize: 1,
  rampUpDays: 14,
  startsAt: new Date("2026-03-02T00:00:00Z"),
});
const experiment: StoredExperiment = {
  name: "pilot",
  arms: ["control", "treatment"],
  seed: 1,
  unitColumn: "login",
  stratify: design.stratify,
  balanceColumns: [],
  rerandomize: 1,
  rampUpDays: 14,
  startsAt: new Date("2026-03-02T00:00:00Z"),
  createdAt: new Date("2026-03-01T00:00:00Z"),
};
const assignments: StoredAssignment[] = design.assignments.map((a, i) => ({
  ...a,
  batch: i < 2 ? 1 : 0,
  assignedAt: new Date("2026-03-01T00:00:00Z"),
  leftAt: i === 5 ? new Date("2026-03-20T00:00:00Z") : null,
}));
const { assignments: _, ...summary } = design;

describe("experiment report", () => {
  const analyses = [
    record("pr_merge_time"),
    { ...record("lead_time"), metric: "<b>lead_time</b>" }, // names are validated; escaping is the last line
    record("revert_rate", { nonInferiorityMargin: 0.5 }),
  ];
  const html = renderExperimentReport({
    experiment,
    design: summary,
    assignments,
    analyses,
    generatedAt: new Date("2026-04-01T00:00:00Z"),
  });

  it("is one self-contained HTML file: inline style and SVG, no script, nothing fetched", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|https?:|url\(/i);
    expect(html.match(/<svg /g)?.length).toBe(1 + 3); // forest plot + one distribution per metric
  });

  it("escapes names and states design, late joiners, leavers (intention to treat) and the ramp-up", () => {
    expect(html).toContain("&lt;b&gt;lead_time&lt;/b&gt;");
    expect(html).not.toContain("<b>lead_time</b>");
    expect(html).toContain("2 joined late");
    expect(html).toContain("1 left and are kept in their arm (intention to treat)");
    expect(html).toContain("the 14-day ramp-up (to 2026-03-16)");
  });

  it("never overstates: an interval containing zero reads as not distinguishable from zero", () => {
    const sentences = summarySentences(analyses);
    expect(sentences[0]).toMatch(/^The change in pr_merge_time is not distinguishable from zero/);
    expect(sentences[2]).toMatch(/guardrail: not worse by 50\.0 % or more \(non-inferiority shown/);
    expect(html).toContain("Guardrails (non-inferiority)");
    // the guardrail table: metric, margin, estimate, interval, verdict (CONSORT reading)
    expect(html).toMatch(
      /<td>revert_rate<\/td><td>\+50\.0 %<\/td><td>[^<]+<\/td><td>[^<]+ to [^<]+<\/td><td>[^<]+<\/td><td>non-inferior<\/td>/,
    );
  });

  it("shows effects by subgroup with the omnibus test when the analysis has them", () => {
    const data = prepareAnalysisData(table, spec);
    const labels = data.sourceRows.map((r) => (Number(table.rows[r]?.[1]?.slice(3)) <= 6 ? "api" : "web"));
    const report = analyzeExperiment(data, { bootstrapReplicates: 0, subgroups: [{ by: "team", labels }] });
    const withSubgroups = renderExperimentReport({
      experiment,
      design: summary,
      assignments,
      analyses: [analysisRecord("pr_merge_time", table, data, report)],
      generatedAt: new Date("2026-04-01T00:00:00Z"),
    });
    expect(withSubgroups).toMatch(/Effects by team — same effect in every team\? F\(1, \d+\) = /);
    expect(withSubgroups).toMatch(/<th>team<\/th><th>effect<\/th>/);
  });

  it("adjusts the outcome metrics' p-values with Holm and Benjamini–Hochberg, guardrails left out", () => {
    const m = multiplicity(analyses);
    expect(m.map((x) => x.metric)).toEqual(["pr_merge_time", "<b>lead_time</b>"]);
    const p = m[0]?.p as number;
    expect(m[0]?.holm).toBeCloseTo(Math.min(1, 2 * p), 12); // two equal p-values: Holm = 2p
    expect(m[0]?.bh).toBeCloseTo(p, 12);
    expect(html).toContain("Holm p (2 metrics)");
  });

  it("says when nothing has been analysed yet", () => {
    const empty = renderExperimentReport({
      experiment,
      design: summary,
      assignments,
      analyses: [],
      generatedAt: new Date(),
    });
    expect(empty).toContain("No analysis saved yet");
  });
});
