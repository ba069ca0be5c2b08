import { describe, expect, it } from "vitest";
import { expectClose, readReference, referencePath } from "../../reference/reference.js";
import { readCsvTable } from "../csv/csv-table.js";
import { type AnalysisData, prepareAnalysisData } from "./analysis-data.js";
import type { AnalysisSpec } from "./analysis-spec.js";
import { analyzeExperiment } from "./analyze-experiment.js";
import { armCoefficientFromMoments, unitMoments } from "./unit-moments.js";

interface Cr2Reference {
  beta: number;
  se: number;
  df: number;
  p: number;
  ci: [number, number];
}
interface AnalysisReference {
  logCovariate: Cr2Reference;
  logPlain: Cr2Reference;
  absolute: Cr2Reference;
  winsorized: Cr2Reference;
  winsorBounds: [number, number];
  welch: { estimate: number; ci: [number, number]; p: number };
  unitAncova: { beta: number; se: number; p: number; ci: [number, number] };
  wilcox: { estimate: number; ci: [number, number]; p: number };
  medians: { treatment: number; control: number };
  geometricMeans: { treatment: number; control: number };
  smd: number;
  resample: string[];
  resampleBeta: number;
  nonInferiority: { margin: number; p: number; bound: number };
}

const r = readReference<AnalysisReference>("analysis");
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
const data = prepareAnalysisData(table, spec);
const report = analyzeExperiment(data, { bootstrapReplicates: 400, seed: 7 });
const robust = (name: string) => {
  const entry = report.robustness.find((e) => e.name === name);
  if (!entry) throw new Error(`no robustness entry ${name}`);
  return entry;
};

describe("primary estimate against R lm + clubSandwich CR2 (Satterthwaite)", () => {
  it("matches β, its CR2 standard error, df, p-value and interval with log outcome and log covariate", () => {
    const { effect } = report;
    expectClose(effect.coefficient, r.logCovariate.beta, 1e-10);
    expectClose(effect.std_error, r.logCovariate.se, 1e-8);
    expectClose(effect.df, r.logCovariate.df, 1e-8);
    expectClose(effect.p_value as number, r.logCovariate.p, 1e-7);
    expectClose(effect.coefficient_ci[0], r.logCovariate.ci[0], 1e-8);
    expectClose(effect.coefficient_ci[1], r.logCovariate.ci[1], 1e-8);
  });

  it("reports the relative effect exp(β) − 1 with the interval transformed end by end", () => {
    const { effect } = report;
    expect(effect.scale).toBe("relative");
    expectClose(effect.estimate, Math.expm1(r.logCovariate.beta), 1e-10);
    expectClose(effect.ci[0], Math.expm1(r.logCovariate.ci[0]), 1e-8);
    expectClose(effect.ci[1], Math.expm1(r.logCovariate.ci[1]), 1e-8);
    expectClose(effect.baseline.treatment, r.geometricMeans.treatment, 1e-12);
    expectClose(effect.baseline.control, r.geometricMeans.control, 1e-12);
  });

  it("matches R without a covariate, and on the absolute scale without --log-outcome", () => {
    const plain = analyzeExperiment(
      prepareAnalysisData(table, { ...spec, covariate: undefined, logCovariate: false }),
      {
        bootstrapReplicates: 0,
      },
    );
    expectClose(plain.effect.coefficient, r.logPlain.beta, 1e-10);
    expectClose(plain.effect.std_error, r.logPlain.se, 1e-8);
    expectClose(plain.effect.df, r.logPlain.df, 1e-8);
    const absolute = analyzeExperiment(
      prepareAnalysisData(table, { ...spec, logOutcome: false, logCovariate: false }),
      { bootstrapReplicates: 0 },
    );
    expect(absolute.effect.scale).toBe("absolute");
    expectClose(absolute.effect.estimate, r.absolute.beta, 1e-10);
    expectClose(absolute.effect.ci[0], r.absolute.ci[0], 1e-8);
    expectClose(absolute.effect.ci[1], r.absolute.ci[1], 1e-8);
    expectClose(absolute.effect.p_value as number, r.absolute.p, 1e-7);
  });
});

describe("robustness block against R", () => {
  it("per-developer means with Welch match t.test on the means of log(hours)", () => {
    const e = robust("unit_means_welch");
    expectClose(e.estimate as number, Math.expm1(r.welch.estimate), 1e-10);
    expectClose((e.ci as [number, number])[0], Math.expm1(r.welch.ci[0]), 1e-8);
    expectClose((e.ci as [number, number])[1], Math.expm1(r.welch.ci[1]), 1e-8);
    expectClose(e.p_value as number, r.welch.p, 1e-8);
  });

  it("developer-level ANCOVA matches lm on developer means with sandwich HC2 and coeftest", () => {
    const e = robust("unit_means_ancova");
    expectClose(e.estimate as number, Math.expm1(r.unitAncova.beta), 1e-10);
    expectClose((e.ci as [number, number])[0], Math.expm1(r.unitAncova.ci[0]), 1e-8);
    expectClose((e.ci as [number, number])[1], Math.expm1(r.unitAncova.ci[1]), 1e-8);
    expectClose(e.p_value as number, r.unitAncova.p, 1e-8);
  });

  it("Mann–Whitney and Hodges–Lehmann match wilcox.test(conf.int = TRUE) on the developer means", () => {
    const e = robust("mann_whitney_hodges_lehmann");
    expectClose(e.estimate as number, Math.expm1(r.wilcox.estimate), 1e-10);
    expectClose((e.ci as [number, number])[0], Math.expm1(r.wilcox.ci[0]), 1e-10);
    expectClose((e.ci as [number, number])[1], Math.expm1(r.wilcox.ci[1]), 1e-10);
    expectClose(e.p_value as number, r.wilcox.p, 1e-10);
  });

  it("the winsorized model matches lm + CR2 on log(hours) clamped at R's type-7 5 %/95 % quantiles", () => {
    const e = robust("winsorized_means");
    expectClose(e.estimate as number, Math.expm1(r.winsorized.beta), 1e-10);
    expectClose((e.ci as [number, number])[1], Math.expm1(r.winsorized.ci[1]), 1e-8);
    expectClose(e.p_value as number, r.winsorized.p, 1e-7);
    expect(e.note).toMatch(/rows clamped to \[6\.91\d*, 36\.1\d*\] hours/);
  });

  it("the median ratio is median(treatment hours)/median(control hours) − 1 with a bootstrap interval around it", () => {
    const e = robust("medians_cluster_bootstrap");
    expectClose(e.estimate as number, r.medians.treatment / r.medians.control - 1, 1e-12);
    const [lo, hi] = e.ci as [number, number];
    expect(lo).toBeLessThan(e.estimate as number);
    expect(hi).toBeGreaterThan(e.estimate as number);
    expect(e.p_value).toBeNull();
  });

  it("the cluster bootstrap is centred on the primary estimate with a BCa interval containing it", () => {
    const e = robust("cluster_bootstrap");
    expectClose(e.estimate as number, report.effect.estimate, 1e-9);
    const [lo, hi] = e.ci as [number, number];
    expect(lo).toBeLessThan(report.effect.estimate);
    expect(hi).toBeGreaterThan(report.effect.estimate);
  });

  it("a resample's refit from per-developer moments equals R's lm on the stacked rows", () => {
    const moments = unitMoments(data, data.y);
    const byId = new Map(data.units.map((u, i) => [u.id, moments[i]]));
    const sample = r.resample.map((id) => byId.get(id) as (typeof moments)[number]);
    expectClose(armCoefficientFromMoments(sample), r.resampleBeta, 1e-10);
  });
});

describe("checks", () => {
  it("balance is the SMD of per-developer mean log(pre), as computed in R", () => {
    const [row] = report.checks.balance;
    expect(row?.covariate).toBe("pre");
    expect(row?.scale).toBe("log");
    expectClose(row?.smd as number, r.smd, 1e-9);
    expect(row?.imbalanced).toBe(false);
  });

  it("counts units and rows per arm and finds no sample-ratio mismatch at 6 vs 6", () => {
    expect(report.n.treatment).toEqual({ value: "treatment", units: 6, rows: 21 });
    expect(report.n.control).toEqual({ value: "control", units: 6, rows: 24 });
    expect(report.checks.srm_p_value).toBe(1);
    expect(report.checks.srm_flag).toBe(false);
    expect(report.checks.warnings.some((w) => w.includes("only 6 units"))).toBe(true);
  });
});

describe("non-inferiority of a guardrail", () => {
  it("matches R's one-sided CR2 t test against log(1 + margin) and the worse interval end", () => {
    const ni = analyzeExperiment(data, {
      bootstrapReplicates: 0,
      nonInferiorityMargin: r.nonInferiority.margin,
    }).checks.non_inferiority;
    expect(ni?.direction).toBe("lower is better");
    expectClose(ni?.p_value as number, r.nonInferiority.p, 1e-7);
    expectClose(ni?.bound as number, r.nonInferiority.bound, 1e-8);
    expect(ni?.non_inferior).toBe(r.nonInferiority.p < 0.025);
    expectClose(ni?.bound as number, report.effect.ci[1], 1e-12);
  });

  it("is not shown, with a warning, when the margin is inside the interval", () => {
    const tight = analyzeExperiment(data, { bootstrapReplicates: 0, nonInferiorityMargin: 0.01 });
    expect(tight.checks.non_inferiority?.non_inferior).toBe(false);
    expect(tight.checks.warnings.join(" ")).toMatch(/non-inferiority not shown/);
  });
});

describe("determinism", () => {
  it("gives identical output for the same seed and different bootstrap intervals for another", () => {
    const again = analyzeExperiment(prepareAnalysisData(table, spec), { bootstrapReplicates: 400, seed: 7 });
    expect(again).toEqual(report);
    const other = analyzeExperiment(prepareAnalysisData(table, spec), { bootstrapReplicates: 400, seed: 8 });
    expect(other.effect).toEqual(report.effect);
    expect(other.robustness.find((e) => e.name === "cluster_bootstrap")?.ci).not.toEqual(
      robust("cluster_bootstrap").ci,
    );
  });

  it("skips the bootstrap entries with --cluster-bootstrap 0 and says so", () => {
    const quick = analyzeExperiment(data, { bootstrapReplicates: 0 });
    expect(quick.robustness.map((e) => e.name)).toEqual([
      "unit_means_welch",
      "unit_means_ancova",
      "mann_whitney_hodges_lehmann",
      "winsorized_means",
    ]);
    expect(quick.checks.warnings.join(" ")).toMatch(/bootstrap robustness estimates were skipped/);
  });
});

describe("degenerate data keeps a finite report", () => {
  it("notes robustness estimates that cannot be computed instead of failing or printing NaN", () => {
    // Every developer's mean is 3, so the developer-level tests see nothing but ties, while the
    // PR-level model still has within-developer variation.
    const lines = Array.from({ length: 6 }, (_, d) => [
      [`u${d}`, d % 2 ? "t" : "c", "2"],
      [`u${d}`, d % 2 ? "t" : "c", "4"],
    ]).flat();
    const tied: AnalysisData = prepareAnalysisData(
      { file: "tied.csv", header: ["dev", "arm", "hours"], rows: lines, lines: lines.map((_, i) => i + 2) },
      { outcome: "hours", arm: "arm", treatment: "t", unit: "dev", logOutcome: false, logCovariate: false },
    );
    const result = analyzeExperiment(tied, { bootstrapReplicates: 50 });
    expect(result.effect.estimate).toBe(0);
    const welch = result.robustness.find((e) => e.name === "unit_means_welch");
    expect(welch).toMatchObject({ estimate: null, ci: null, p_value: null });
    expect(welch?.note).toMatch(/^not computed: .*constant/);
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });
});
