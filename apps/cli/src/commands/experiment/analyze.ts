import { InputError } from "@uplift/core";
import {
  analysisRecord,
  analyzeExperiment,
  columnIndex,
  ExperimentRepository,
  formatAnalysisText,
  prepareAnalysisData,
  readCsvTable,
} from "@uplift/experiment";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { analysisPeriod } from "./analysis-period.js";
import { analyzeFeedbackCommand } from "./analyze-feedback.js";
import { analyzeStoredCommand } from "./analyze-stored.js";
import { experimentName, listOption } from "./experiment-flags.js";
import { integerOption, numberOption } from "./parse-options.js";

export interface AnalyzeFlags {
  data?: string;
  outcome?: string;
  arm?: string;
  treatment?: string;
  control?: string;
  unit?: string;
  cluster?: string;
  /** A column name, or false with --no-covariate. */
  covariate?: string | false;
  logOutcome?: boolean;
  logCovariate?: boolean;
  clusterBootstrap?: string;
  seed?: string;
  confLevel?: string;
  date?: string;
  from?: string;
  to?: string;
  experiment?: string;
  nonInferiorityMargin?: string;
  higherIsBetter?: boolean;
  save?: boolean;
  metric?: string[];
  absolute?: boolean;
  guardrail?: string[];
  preDays?: string;
  includeRampUp?: boolean;
  by?: string;
  kind?: string;
  survey?: string;
  item?: string;
  agreeFrom?: string;
}

const CSV_FLAGS = [
  ["outcome", "--outcome COL"],
  ["arm", "--arm COL"],
  ["treatment", "--treatment VALUE"],
  ["unit", "--unit COL"],
] as const;

/**
 * `uplift experiment analyze --data FILE …` (DESIGN: CLI contract); without --data the stored
 * metrics of `--experiment NAME` (`--metric …`).
 */
export async function analyzeCommand(global: GlobalOptions, flags: AnalyzeFlags): Promise<void> {
  if (flags.kind !== undefined && flags.kind !== "outcome") return analyzeFeedbackCommand(global, flags);
  if (flags.data === undefined) return analyzeStoredCommand(global, flags);
  const missing = CSV_FLAGS.filter(([key]) => flags[key] === undefined).map(([, flag]) => flag);
  if (missing.length > 0) {
    throw new InputError(
      `--data ${flags.data} needs ${missing.join(", ")} (or analyse stored metrics: --experiment NAME --metric METRIC without --data)`,
    );
  }
  const metrics = (flags.metric ?? []).flatMap((m) => listOption(m, "--metric"));
  if (metrics.length > 1) throw new InputError("--metric: with --data, name the one metric the file holds");
  const file = flags.data;
  const outcome = flags.outcome as string;
  const replicates = integerOption(flags.clusterBootstrap, "--cluster-bootstrap", 2000, 0, 1_000_000);
  const seed = integerOption(flags.seed, "--seed", 1, -(2 ** 31), 2 ** 31 - 1);
  const confLevel = numberOption(flags.confLevel, "--conf-level", 0.95, 0, 1);
  const nonInferiorityMargin =
    flags.nonInferiorityMargin === undefined
      ? undefined
      : numberOption(flags.nonInferiorityMargin, "--non-inferiority-margin", 0, 0, Number.POSITIVE_INFINITY);
  await withContext(global, async (ctx) => {
    const table = readCsvTable(file);
    const data = prepareAnalysisData(table, {
      outcome,
      arm: flags.arm as string,
      treatment: flags.treatment as string,
      control: flags.control,
      unit: flags.unit as string,
      cluster: flags.cluster || undefined,
      covariate: flags.covariate || undefined,
      logOutcome: Boolean(flags.logOutcome),
      logCovariate: Boolean(flags.logCovariate),
      period: await analysisPeriod(ctx, flags),
    });
    const report = analyzeExperiment(data, {
      bootstrapReplicates: replicates,
      seed,
      confLevel,
      nonInferiorityMargin,
      higherIsBetter: Boolean(flags.higherIsBetter),
      subgroups: (flags.by === undefined ? [] : listOption(flags.by, "--by")).map((by) => {
        const column = columnIndex(table, by, "--by");
        return { by, labels: data.sourceRows.map((r) => (table.rows[r]?.[column] ?? "").trim()) };
      }),
    });
    if (flags.experiment && !flags.date) {
      report.checks.warnings.push(
        `no --date: the ramp-up window of experiment ${flags.experiment} is not excluded from these rows`,
      );
    }
    if (flags.save) {
      if (!flags.experiment)
        throw new InputError("--save needs --experiment NAME (the experiment to save the analysis under)");
      const record = analysisRecord(metrics[0] ?? outcome, table, data, report);
      await new ExperimentRepository(await ctx.store()).saveAnalysis(
        experimentName(flags.experiment),
        record,
      );
    }
    ctx.logger.debug({ file, rows: report.n.rows }, "analysed experiment");
    ctx.print(report, (r) => formatAnalysisText(r, outcome));
  });
}
