import type { CsvTable } from "../csv/csv-table.js";
import type { Assignment } from "./design-experiment.js";
import type { StoredAssignment, StoredExperiment } from "./experiment-repository.js";
import { seedStream, shuffleInPlace } from "./seed-stream.js";
import { stratumLabels } from "./strata.js";
import { unitIds } from "./units-table.js";

export interface LateAssignment {
  /** 1 for the first batch of late joiners, 2 for the next… (0 is the design). */
  batch: number;
  assigned: Assignment[];
  /** Units of the file that already have an arm (kept as they are). */
  alreadyAssigned: number;
  /** With a roster: assigned units missing from it, not marked before. They keep their arm. */
  leavers: string[];
  /** Units per arm after this batch, leavers included (intention to treat). */
  counts: Record<string, number>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Assigns units not yet in the experiment, stratified like the design (same variables and quantile
 * cut points) with the seed-derived stream ("late", batch): within each stratum, new units (in a
 * seeded random order) go one by one to the arm with the fewest units of that stratum, ties to the
 * arm with the fewest units overall, remaining ties at random. Nobody already assigned changes arm.
 * With `roster`, the file is the full current list: assigned units absent from it are reported as
 * leavers; they stay in their arm and in the analysis (intention to treat).
 */
export function assignLate(
  experiment: StoredExperiment,
  existing: readonly StoredAssignment[],
  table: CsvTable,
  roster: boolean,
): LateAssignment {
  const ids = unitIds(table, experiment.unitColumn);
  const labels = stratumLabels(table, experiment.stratify);
  const known = new Map(existing.map((a) => [a.unit, a]));
  const batch = existing.reduce((b, a) => Math.max(b, a.batch), 0) + 1;
  const rng = seedStream(experiment.seed, "late", batch);
  const arms = experiment.arms;
  const total = Object.fromEntries(arms.map((a) => [a, 0]));
  const perStratum = new Map<string, Record<string, number>>();
  const stratumCounts = (label: string) => {
    let counts = perStratum.get(label);
    if (!counts) {
      counts = Object.fromEntries(arms.map((a) => [a, 0]));
      perStratum.set(label, counts);
    }
    return counts;
  };
  for (const a of existing) {
    total[a.arm] = (total[a.arm] ?? 0) + 1;
    const counts = stratumCounts(a.stratum);
    counts[a.arm] = (counts[a.arm] ?? 0) + 1;
  }
  const newcomers = new Map<string, string[]>();
  ids.forEach((id, i) => {
    if (known.has(id)) return;
    const label = labels[i] as string;
    const members = newcomers.get(label);
    if (members) members.push(id);
    else newcomers.set(label, [id]);
  });
  const assigned: Assignment[] = [];
  for (const label of shuffleInPlace([...newcomers.keys()].sort(byText), rng)) {
    const counts = stratumCounts(label);
    for (const unit of shuffleInPlace((newcomers.get(label) as string[]).sort(byText), rng)) {
      const fewest = (pool: string[], of: Record<string, number>) => {
        const min = Math.min(...pool.map((a) => of[a] as number));
        return pool.filter((a) => of[a] === min);
      };
      const candidates = fewest(fewest(arms, counts), total);
      const arm = candidates[rng.nextInt(candidates.length)] as string;
      counts[arm] = (counts[arm] as number) + 1;
      total[arm] = (total[arm] as number) + 1;
      assigned.push({ unit, arm, stratum: label });
    }
  }
  const inFile = new Set(ids);
  const leavers = roster
    ? existing.filter((a) => !inFile.has(a.unit) && a.leftAt === null).map((a) => a.unit)
    : [];
  return {
    batch,
    assigned,
    alreadyAssigned: ids.length - assigned.length,
    leavers,
    counts: total,
  };
}
