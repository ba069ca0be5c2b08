import { InputError } from "@uplift/core";
import { type AnalysisPeriod, ExperimentRepository } from "@uplift/experiment";
import type { CliContext } from "../../context.js";
import { experimentName } from "./experiment-flags.js";

const DAY_MS = 86_400_000;

function dateFlag(text: string | undefined, flag: string): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(date.getTime()))
    throw new InputError(`${flag} ${text}: expected an ISO 8601 date (e.g. 2026-03-02)`);
  return date;
}

/**
 * The analysis window of `experiment analyze`: --from/--to on the --date column, or with
 * --experiment NAME the stored start plus its ramp-up days (DESIGN: the ramp-up is excluded by
 * default, and the report says so). Without --date there is no window (and `analyze` warns when
 * an experiment's ramp-up therefore stays in).
 */
export async function analysisPeriod(
  ctx: CliContext,
  flags: { date?: string; from?: string; to?: string; experiment?: string },
): Promise<AnalysisPeriod | undefined> {
  const from = dateFlag(flags.from, "--from");
  const to = dateFlag(flags.to, "--to");
  if (!flags.date) {
    if (from || to) throw new InputError("--from and --to need --date COL (the column with each row's date)");
    return undefined;
  }
  if (flags.experiment && !from) {
    const experiment = await new ExperimentRepository(await ctx.store()).get(
      experimentName(flags.experiment),
    );
    const start = new Date(experiment.startsAt.getTime() + experiment.rampUpDays * DAY_MS);
    return {
      column: flags.date,
      from: start,
      to,
      reason: `the ${experiment.rampUpDays}-day ramp-up after the start of experiment ${experiment.name} (${experiment.startsAt.toISOString().slice(0, 10)}) is excluded`,
    };
  }
  return { column: flags.date, from, to };
}
