import { InputError } from "@uplift/core";
import {
  analyzeSurvey,
  analyzeTelemetry,
  ExperimentRepository,
  formatSurveyText,
  formatTelemetryText,
  type LikertAnswer,
  readCsvTable,
  storedSurveyAnswers,
  storedTelemetryDays,
  surveyAnswersFromCsv,
  type TelemetryDayRow,
  telemetryDaysFromCsv,
} from "@uplift/experiment";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import type { AnalyzeFlags } from "./analyze.js";
import { experimentName } from "./experiment-flags.js";
import { integerOption, numberOption } from "./parse-options.js";

/** The two arms: flags, else the experiment's (control first). */
function armsOf(flags: AnalyzeFlags, arms?: readonly string[]): { treatment: string; control: string } {
  const treatment = flags.treatment ?? (arms?.length === 2 ? arms[1] : undefined);
  const control = flags.control ?? arms?.[0];
  if (treatment === undefined || control === undefined) {
    throw new InputError(
      "--treatment VALUE and --control VALUE name the arms to compare (or give --experiment NAME)",
    );
  }
  return { treatment, control };
}

/**
 * `uplift experiment analyze --kind survey|telemetry`: Likert items or assistant telemetry by arm,
 * from a CSV (--data, with an arm column) or from the store (--experiment NAME: the arm from the
 * stored assignment, records imported with `measure import csv --kind survey|telemetry`).
 */
export async function analyzeFeedbackCommand(global: GlobalOptions, flags: AnalyzeFlags): Promise<void> {
  const kind = flags.kind;
  if (kind !== "survey" && kind !== "telemetry")
    throw new InputError(`--kind ${kind}: expected outcome, survey or telemetry`);
  const confLevel = numberOption(flags.confLevel, "--conf-level", 0.95, 0, 1);
  const agreeFrom = numberOption(
    flags.agreeFrom,
    "--agree-from",
    4,
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
  );
  const seed = integerOption(flags.seed, "--seed", 1, -(2 ** 31), 2 ** 31 - 1);
  const replicates = integerOption(flags.clusterBootstrap, "--cluster-bootstrap", 2000, 0, 1_000_000);
  if (flags.data !== undefined && (flags.arm === undefined || flags.unit === undefined)) {
    throw new InputError(
      `--kind ${kind} --data ${flags.data} needs --arm COL and --unit COL (the respondent or user)`,
    );
  }
  if (flags.data === undefined && flags.experiment === undefined) {
    throw new InputError(
      `--kind ${kind} needs --data FILE (with an arm column) or --experiment NAME (stored records)`,
    );
  }
  await withContext(global, async (ctx) => {
    let arms: { treatment: string; control: string };
    let assigned: Map<string, number> | undefined;
    let survey: LikertAnswer[] | undefined;
    let telemetry: TelemetryDayRow[] | undefined;
    if (flags.data !== undefined) {
      const table = readCsvTable(flags.data);
      const columns = {
        unit: flags.unit as string,
        arm: flags.arm as string,
        item: flags.item,
        value: flags.outcome,
        date: flags.date,
      };
      arms = armsOf(flags);
      if (kind === "survey") survey = surveyAnswersFromCsv(table, columns);
      else telemetry = telemetryDaysFromCsv(table, columns);
    } else {
      const store = await ctx.store();
      const repository = new ExperimentRepository(store);
      const experiment = await repository.get(experimentName(flags.experiment as string));
      const assignments = await repository.assignments(experiment.name);
      arms = armsOf(flags, experiment.arms);
      assigned = new Map<string, number>();
      for (const a of assignments) assigned.set(a.arm, (assigned.get(a.arm) ?? 0) + 1);
      if (kind === "survey") survey = await storedSurveyAnswers(store, assignments, flags.survey);
      else telemetry = await storedTelemetryDays(store, experiment, assignments);
    }
    const source = flags.data ?? `stored ${kind} of experiment ${flags.experiment}`;
    const report = survey
      ? analyzeSurvey(survey, { ...arms, agreeFrom, confLevel, source })
      : analyzeTelemetry(telemetry ?? [], {
          ...arms,
          assigned,
          replicates: Math.max(replicates, 200),
          seed,
          confLevel,
          source,
        });
    if (flags.save) {
      if (!flags.experiment)
        throw new InputError("--save needs --experiment NAME (the experiment to save the analysis under)");
      await new ExperimentRepository(await ctx.store()).saveFeedback(
        experimentName(flags.experiment),
        report,
      );
    }
    if (report.kind === "survey") ctx.print(report, formatSurveyText);
    else ctx.print(report, formatTelemetryText);
  });
}
