import path from "node:path";
import { InputError } from "@uplift/core";
import {
  designExperiment,
  ExperimentRepository,
  formatCsv,
  formatDesignText,
  parseStratify,
  readCsvTable,
  writeFileAfter,
} from "@uplift/experiment";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { experimentName, listOption } from "./experiment-flags.js";
import { integerOption } from "./parse-options.js";

export interface DesignFlags {
  units: string;
  arms: string;
  stratify?: string;
  seed: string;
  out: string;
  unit: string;
  rerandomize?: string;
  balance?: string[];
  name?: string;
  rampUpDays?: string;
  start?: string;
}

/** `uplift experiment design --units FILE --arms A,B --stratify COL --seed N --out FILE` (DESIGN: CLI contract). */
export async function designCommand(global: GlobalOptions, flags: DesignFlags): Promise<void> {
  const seed = integerOption(flags.seed, "--seed", 0, 0, 2 ** 31 - 1);
  const rerandomize = integerOption(flags.rerandomize, "--rerandomize", 1, 1, 100_000);
  const rampUpDays = integerOption(flags.rampUpDays, "--ramp-up-days", 14, 0, 365);
  const startsAt = flags.start === undefined ? new Date() : new Date(flags.start);
  if (Number.isNaN(startsAt.getTime())) {
    throw new InputError(`--start ${flags.start}: expected an ISO 8601 date (e.g. 2026-03-02)`);
  }
  const name = experimentName(flags.name ?? path.basename(flags.out, path.extname(flags.out)));
  const arms = listOption(flags.arms, "--arms");
  const table = readCsvTable(flags.units);
  const design = designExperiment(table, {
    name,
    arms,
    unitColumn: flags.unit,
    stratify: flags.stratify ? parseStratify(flags.stratify) : [],
    seed,
    rerandomize,
    balance: flags.balance?.flatMap((b) => listOption(b, "--balance")),
    rampUpDays,
    startsAt,
  });
  await withContext(global, async (ctx) => {
    const repository = new ExperimentRepository(await ctx.store());
    const csv = formatCsv(
      [flags.unit, "arm", "stratum"],
      design.assignments.map((a) => [a.unit, a.arm, a.stratum]),
    );
    await writeFileAfter(flags.out, csv, () => repository.create(design, new Date()));
    const { assignments: _assignments, ...summary } = design;
    ctx.print({ ...summary, out: flags.out, stored: true }, (s) => formatDesignText(s, flags.out));
  });
}
