import type { Rng } from "@uplift/stats";
import { shuffleInPlace } from "./seed-stream.js";

/**
 * One stratified randomization (permuted blocks within strata): units are grouped by stratum;
 * within each stratum a seeded shuffle, then arms dealt in turn. The arm that starts each stratum
 * continues where the previous stratum stopped (from a random first arm, strata in random order),
 * so odd remainders rotate across strata and the arms' totals differ by at most one.
 * The result does not depend on the order of the units in the file: units are sorted by id
 * within each stratum and strata by label before any random draw.
 * @returns the arm index (into the arms list) of each unit, in input order
 */
export function stratifiedDraw(
  ids: readonly string[],
  strata: readonly string[],
  armCount: number,
  rng: Rng,
): number[] {
  const byStratum = new Map<string, number[]>();
  strata.forEach((label, i) => {
    const members = byStratum.get(label);
    if (members) members.push(i);
    else byStratum.set(label, [i]);
  });
  const order = shuffleInPlace(
    [...byStratum.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    rng,
  );
  const arms = new Array<number>(ids.length).fill(-1);
  let next = rng.nextInt(armCount);
  for (const label of order) {
    const members = (byStratum.get(label) as number[]).sort((a, b) => {
      const x = ids[a] as string;
      const y = ids[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    shuffleInPlace(members, rng);
    for (const unit of members) {
      arms[unit] = next;
      next = (next + 1) % armCount;
    }
  }
  return arms;
}
