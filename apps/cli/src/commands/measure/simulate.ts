import { InputError } from "@uplift/core";
import { simulateOrganisation, writeSimulation } from "@uplift/measure";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export interface SimulateOptions {
  out: string;
  seed?: string;
  developers?: string;
  weeks?: string;
}

/** `uplift measure simulate --out DIR`: a synthetic organisation with known ground truth, as CSV files. */
export async function simulateCommand(global: GlobalOptions, options: SimulateOptions): Promise<void> {
  const simulation = simulateOrganisation({
    seed: integer(options.seed, "--seed", 20261126),
    developers: integer(options.developers, "--developers", 60),
    weeks: integer(options.weeks, "--weeks", 12),
  });
  const files = await writeSimulation(options.out, simulation);
  await withContext(global, async (ctx) => {
    ctx.print(
      {
        out: options.out,
        files,
        developers: simulation.developers.length,
        prs: simulation.prs.length,
        deployments: simulation.deployments.length,
        incidents: simulation.incidents.length,
        telemetry_days: simulation.telemetry.length,
        truth: simulation.truth,
      },
      (r) =>
        `wrote ${r.files.length} files to ${r.out}: ${r.developers} developers, ${r.prs} PRs, ${r.deployments} deployments, ` +
        `${r.incidents} incidents, ${r.telemetry_days} telemetry days (ground truth in truth.json)`,
    );
  });
}

function integer(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InputError(`${flag} ${value}: expected a positive whole number`);
  return n;
}
