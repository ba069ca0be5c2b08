import { InputError } from "@uplift/core";
import {
  analysisRecord,
  analyzeExperiment,
  ExperimentRepository,
  formatAnalysisText,
  prepareAnalysisData,
  readCsvTable,
} from "@uplift/experiment";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { analysisPeriod } from "./analysis-period.js";
import { experimentName } from "./experiment-flags.js";
import { integerOption, numberOption } from "./parse-options.js";

export interface AnalyzeFlags {
  data: string;
  outcome: string;
  arm: string;
  treatment: string;
  control?: string;
  unit: string;
  covariate?: string;
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
  metric?: string;
}

/** `uplift experiment analyze --data FILE …` (DESIGN: CLI contract). */
export async function analyzeCommand(global: GlobalOptions, flags: AnalyzeFlags): Promise<void> {
  const replicates = integerOption(flags.clusterBootstrap, "--cluster-bootstrap", 2000, 0, 1_000_000);
  const seed = integerOption(flags.seed, "--seed", 1, -(2 ** 31), 2 ** 31 - 1);
  const confLevel = numberOption(flags.confLevel, "--conf-level", 0.95, 0, 1);
  const nonInferiorityMargin =
    flags.nonInferiorityMargin === undefined
      ? undefined
      : numberOption(flags.nonInferiorityMargin, "--non-inferiority-margin", 0, 0, Number.POSITIVE_INFINITY);
  await withContext(global, async (ctx) => {
    const table = readCsvTable(flags.data);
    const data = prepareAnalysisData(table, {
      outcome: flags.outcome,
      arm: flags.arm,
      treatment: flags.treatment,
      control: flags.control,
      unit: flags.unit,
      covariate: flags.covariate,
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
    });
    if (flags.experiment && !flags.date) {
      report.checks.warnings.push(
        `no --date: the ramp-up window of experiment ${flags.experiment} is not excluded from these rows`,
      );
    }
    if (flags.save) {
      if (!flags.experiment)
        throw new InputError("--save needs --experiment NAME (the experiment to save the analysis under)");
      const record = analysisRecord(flags.metric ?? flags.outcome, table, data, report);
      await new ExperimentRepository(await ctx.store()).saveAnalysis(
        experimentName(flags.experiment),
        record,
      );
    }
    ctx.logger.debug({ file: flags.data, rows: report.n.rows }, "analysed experiment");
    ctx.print(report, (r) => formatAnalysisText(r, flags.outcome));
  });
}
