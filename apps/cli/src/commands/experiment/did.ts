import { InputError } from "@uplift/core";
import { analyzeDid, formatDidText, prepareDidPanel, readCsvTable } from "@uplift/experiment";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { integerOption, numberOption } from "./parse-options.js";

export interface DidFlags {
  data: string;
  unit: string;
  time: string;
  treatedFrom: string;
  outcome: string;
  logOutcome?: boolean;
  controlGroup?: string;
  bootstrap?: string;
  seed?: string;
  confLevel?: string;
}

const CONTROL_GROUPS = { "never-treated": "never_treated", "not-yet-treated": "not_yet_treated" } as const;

/** `uplift experiment did --data FILE --unit COL --time COL --treated-from COL --outcome COL` (observational). */
export async function didCommand(global: GlobalOptions, flags: DidFlags): Promise<void> {
  const control = CONTROL_GROUPS[(flags.controlGroup ?? "never-treated") as keyof typeof CONTROL_GROUPS];
  if (!control)
    throw new InputError(`--control-group ${flags.controlGroup}: expected never-treated or not-yet-treated`);
  const replicates = integerOption(flags.bootstrap, "--bootstrap", 999, 2, 100_000);
  const seed = integerOption(flags.seed, "--seed", 1, -(2 ** 31), 2 ** 31 - 1);
  const confLevel = numberOption(flags.confLevel, "--conf-level", 0.95, 0, 1);
  await withContext(global, async (ctx) => {
    const panel = prepareDidPanel(readCsvTable(flags.data), {
      unit: flags.unit,
      time: flags.time,
      treatedFrom: flags.treatedFrom,
      outcome: flags.outcome,
      logOutcome: Boolean(flags.logOutcome),
    });
    const report = analyzeDid(panel, { control, replicates, seed, confLevel });
    ctx.logger.debug({ file: flags.data, units: report.design.units }, "difference-in-differences");
    ctx.print(report, (r) => formatDidText(r, flags.outcome));
  });
}
