import { InputError } from "@uplift/core";
import {
  analyzeStoredMetrics,
  ExperimentRepository,
  formatStoredAnalysisText,
  type GuardrailSetting,
} from "@uplift/experiment";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import type { AnalyzeFlags } from "./analyze.js";
import { experimentName, listOption } from "./experiment-flags.js";
import { integerOption, numberOption } from "./parse-options.js";

/** `--guardrail revert_rate=0.1` or `acceptance_rate=0.05:higher`. */
function parseGuardrails(items: readonly string[]): Map<string, GuardrailSetting> {
  const out = new Map<string, GuardrailSetting>();
  for (const item of items.flatMap((i) => listOption(i, "--guardrail"))) {
    const match = /^([A-Za-z0-9_.-]+)=([^:]+)(?::(higher|lower))?$/.exec(item);
    const margin = match ? Number(match[2]) : Number.NaN;
    if (!match || !(margin > 0) || !Number.isFinite(margin)) {
      throw new InputError(
        `--guardrail ${item}: expected METRIC=MARGIN with a positive relative margin, e.g. revert_rate=0.1 (append :higher when the metric improves upwards)`,
      );
    }
    out.set(match[1] as string, { margin, higherIsBetter: match[3] === "higher" });
  }
  return out;
}

function toDate(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime())) throw new InputError(`--to ${text}: expected an ISO 8601 date`);
  return date;
}

/** `uplift experiment analyze --experiment NAME --metric M [--metric …]`: stored metrics, arms from the assignment. */
export async function analyzeStoredCommand(global: GlobalOptions, flags: AnalyzeFlags): Promise<void> {
  if (!flags.experiment) {
    throw new InputError(
      "experiment analyze needs --data FILE (row-level CSV) or --experiment NAME --metric METRIC (stored metrics)",
    );
  }
  const metrics = (flags.metric ?? []).flatMap((m) => listOption(m, "--metric"));
  if (metrics.length === 0) {
    throw new InputError(
      `--experiment ${flags.experiment} without --data: name the stored metrics with --metric (e.g. --metric pr_merge_time)`,
    );
  }
  for (const [flag, value] of [
    ["--outcome", flags.outcome],
    ["--arm", flags.arm],
    ["--unit", flags.unit],
    ["--date", flags.date],
    ["--from", flags.from],
    ["--non-inferiority-margin", flags.nonInferiorityMargin],
  ] as const) {
    if (value !== undefined)
      throw new InputError(
        `${flag} applies to --data; stored metrics take the arm and developer from the assignment (use --guardrail METRIC=MARGIN for guardrails)`,
      );
  }
  if (typeof flags.covariate === "string")
    throw new InputError(
      "--covariate applies to --data; stored metrics adjust for the pre-period mean (or --no-covariate)",
    );
  const name = experimentName(flags.experiment);
  const options = {
    experiment: name,
    metrics,
    treatment: flags.treatment,
    control: flags.control,
    logOutcome: flags.absolute ? false : flags.logOutcome ? true : undefined,
    covariate: flags.covariate !== false,
    guardrails: parseGuardrails(flags.guardrail ?? []),
    preDays: integerOption(flags.preDays, "--pre-days", 90, 1, 3650),
    to: toDate(flags.to),
    includeRampUp: Boolean(flags.includeRampUp),
    by: flags.by === undefined ? [] : listOption(flags.by, "--by"),
    bootstrapReplicates: integerOption(flags.clusterBootstrap, "--cluster-bootstrap", 2000, 0, 1_000_000),
    seed: integerOption(flags.seed, "--seed", 1, -(2 ** 31), 2 ** 31 - 1),
    confLevel: numberOption(flags.confLevel, "--conf-level", 0.95, 0, 1),
  };
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const { report, records } = await analyzeStoredMetrics(store, options);
    if (flags.save) {
      const repository = new ExperimentRepository(store);
      for (const record of records) await repository.saveAnalysis(name, record);
    }
    ctx.logger.debug({ experiment: name, metrics: metrics.length }, "analysed stored metrics");
    ctx.print(report, formatStoredAnalysisText);
  });
}
