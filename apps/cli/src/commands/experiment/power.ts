import { formatPowerText, powerAnalysis, readCsvTable, readPrePeriod } from "@uplift/experiment";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { integerOption, numberOption } from "./parse-options.js";

export interface PowerFlags {
  data: string;
  outcome: string;
  unit: string;
  covariate?: string;
  logOutcome?: boolean;
  logCovariate?: boolean;
  nPerArm?: string;
  alpha?: string;
  power?: string;
  effect?: string;
  rowsPerUnit?: string;
  dataWeeks?: string;
  simulate?: string;
  seed?: string;
}

/** `uplift experiment power --data FILE --outcome COL --unit COL … --json` → `{ "mde_relative": x, … }`. */
export async function powerCommand(global: GlobalOptions, flags: PowerFlags): Promise<void> {
  const options = {
    nPerArm:
      flags.nPerArm === undefined ? undefined : integerOption(flags.nPerArm, "--n-per-arm", 0, 2, 10_000_000),
    alpha: numberOption(flags.alpha, "--alpha", 0.05, 0, 1),
    power: numberOption(flags.power, "--power", 0.8, 0, 1),
    effect: flags.effect === undefined ? undefined : numberOption(flags.effect, "--effect", 0, -1, 100),
    rowsPerUnit:
      flags.rowsPerUnit === undefined
        ? undefined
        : numberOption(flags.rowsPerUnit, "--rows-per-unit", 1, 0, 1e9),
    dataWeeks:
      flags.dataWeeks === undefined ? undefined : numberOption(flags.dataWeeks, "--data-weeks", 1, 0, 1e4),
    simulate: integerOption(flags.simulate, "--simulate", 0, 0, 1_000_000),
    seed: integerOption(flags.seed, "--seed", 1, 0, 2 ** 31 - 1),
  };
  await withContext(global, async (ctx) => {
    const data = readPrePeriod(readCsvTable(flags.data), {
      outcome: flags.outcome,
      unit: flags.unit,
      covariate: flags.covariate,
      logOutcome: Boolean(flags.logOutcome),
      logCovariate: Boolean(flags.logCovariate),
    });
    const report = powerAnalysis(data, options);
    ctx.print(report, (r) => formatPowerText(r, flags.unit));
  });
}
