import { ExperimentRepository, formatCsv, stageFile } from "@uplift/experiment";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { experimentName } from "./experiment-flags.js";

/** `uplift experiment show NAME [--out FILE]`: the stored design, counts per arm, and an export of the assignment. */
export async function showCommand(
  global: GlobalOptions,
  flags: { out?: string },
  [nameArg]: string[],
): Promise<void> {
  const name = experimentName(nameArg ?? "");
  await withContext(global, async (ctx) => {
    const repository = new ExperimentRepository(await ctx.store());
    const experiment = await repository.get(name);
    const assignments = await repository.assignments(name);
    if (flags.out) {
      stageFile(
        flags.out,
        formatCsv(
          [experiment.unitColumn, "arm", "stratum", "batch", "assigned_at", "left_at"],
          assignments.map((a) => [
            a.unit,
            a.arm,
            a.stratum,
            a.batch,
            a.assignedAt.toISOString(),
            a.leftAt?.toISOString() ?? "",
          ]),
        ),
      ).commit();
    }
    const counts = Object.fromEntries(experiment.arms.map((arm) => [arm, 0]));
    for (const a of assignments) counts[a.arm] = (counts[a.arm] ?? 0) + 1;
    const result = {
      name: experiment.name,
      arms: experiment.arms,
      seed: experiment.seed,
      unit_column: experiment.unitColumn,
      stratify: experiment.stratify,
      ramp_up_days: experiment.rampUpDays,
      starts_at: experiment.startsAt.toISOString(),
      created_at: experiment.createdAt.toISOString(),
      units: assignments.length,
      counts,
      late_joiners: assignments.filter((a) => a.batch > 0).length,
      left: assignments.filter((a) => a.leftAt !== null).length,
      ...(flags.out ? { out: flags.out } : {}),
    };
    ctx.print(result, (r) =>
      [
        `experiment ${r.name} (seed ${r.seed}, created ${r.created_at.slice(0, 10)}, starts ${r.starts_at.slice(0, 10)}, ramp-up ${r.ramp_up_days} days)`,
        `units: ${r.units} (${Object.entries(r.counts)
          .map(([arm, n]) => `${n} ${arm}`)
          .join(
            " / ",
          )}); ${r.late_joiners} joined late; ${r.left} left and are kept in their arm (intention to treat)`,
        ...(flags.out ? [`assignment written to ${flags.out}`] : []),
      ].join("\n"),
    );
  });
}
