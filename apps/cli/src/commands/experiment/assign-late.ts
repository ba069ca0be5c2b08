import {
  assignLate,
  ExperimentRepository,
  formatCsv,
  readCsvTable,
  writeFileAfter,
} from "@uplift/experiment";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { experimentName } from "./experiment-flags.js";

export interface AssignLateFlags {
  name: string;
  units: string;
  roster?: boolean;
  out?: string;
}

const ITT = "units that left keep their arm and stay in the analysis (intention to treat)";

/** `uplift experiment assign-late --name NAME --units FILE [--roster]`: late joiners, stratified, same seed stream. */
export async function assignLateCommand(global: GlobalOptions, flags: AssignLateFlags): Promise<void> {
  const name = experimentName(flags.name);
  const table = readCsvTable(flags.units);
  await withContext(global, async (ctx) => {
    const repository = new ExperimentRepository(await ctx.store());
    const experiment = await repository.get(name);
    const existing = await repository.assignments(name);
    const late = assignLate(experiment, existing, table, Boolean(flags.roster));
    const store = () => repository.addLate(name, late.batch, late.assigned, late.leavers, new Date());
    if (flags.out) {
      const csv = formatCsv(
        [experiment.unitColumn, "arm", "stratum"],
        late.assigned.map((a) => [a.unit, a.arm, a.stratum]),
      );
      await writeFileAfter(flags.out, csv, store);
    } else await store();
    const leftBefore = existing.filter((a) => a.leftAt !== null).length;
    const result = {
      name,
      batch: late.batch,
      assigned: late.assigned,
      already_assigned: late.alreadyAssigned,
      leavers: late.leavers,
      left_total: leftBefore + late.leavers.length,
      counts: late.counts,
      note: ITT,
    };
    ctx.print(result, (r) => {
      const added = new Map<string, number>();
      for (const a of r.assigned) added.set(a.arm, (added.get(a.arm) ?? 0) + 1);
      const perArm = (entries: Iterable<[string, number]>) =>
        [...entries].map(([arm, n]) => `${n} ${arm}`).join(" / ") || "none";
      return [
        `experiment ${r.name}, batch ${r.batch}: ${r.assigned.length} new unit(s) assigned (${perArm(added)}), ${r.already_assigned} already assigned`,
        ...(flags.roster ? [`${r.leavers.length} newly left (${r.left_total} in total); ${ITT}`] : []),
        `units per arm now: ${perArm(Object.entries(r.counts))}`,
      ].join("\n");
    });
  });
}
