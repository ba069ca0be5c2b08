import { clusterRobustTest, ols, type Rng, StatsInputError } from "@uplift/stats";
import { seedStream } from "../design/seed-stream.js";
import { compressClusters } from "./compressed-clusters.js";
import { armMoments, type UnitSums } from "./unit-sums.js";

export interface SimulationSettings {
  runs: number;
  nPerArm: number;
  /** Effect injected into the treatment arm, on the model scale (log(1 + relative) for a log outcome). */
  shift: number;
  alpha: number;
  seed: number;
  withCovariate: boolean;
}

export interface SimulationResult {
  runs: number;
  /** Share of simulated experiments with the injected effect where the primary test has p < α. */
  power: number;
  power_se: number;
  /** Same with no effect injected: should be close to α. */
  false_positive_rate: number;
  false_positive_se: number;
  /** Resamples where the model could not be fitted (left out). */
  failed_runs: number;
}

/** p-value of the primary estimator (OLS + CR2 + Satterthwaite) on one simulated experiment. */
function primaryPValue(
  units: readonly UnitSums[],
  treated: readonly boolean[],
  shift: number,
  withCovariate: boolean,
): number {
  const design = compressClusters(
    units.map((u, i) => armMoments(u, treated[i] as boolean, shift, withCovariate)),
  );
  const fit = ols(design.y, design.x);
  return clusterRobustTest(design.x, fit, design.clusters, 1).pValue;
}

function drawUnits(pool: readonly UnitSums[], count: number, rng: Rng): UnitSums[] {
  return Array.from({ length: count }, () => pool[rng.nextInt(pool.length)] as UnitSums);
}

/**
 * Power by simulation from the organisation's own data: each run draws 2·nPerArm developers with
 * replacement from the pre-period (with all their rows), randomizes half to treatment, shifts the
 * treated outcomes by the effect, and runs the primary analysis (OLS of the outcome on arm (+
 * covariate), CR2 clustered by developer, Satterthwaite df); the same draw without the shift gives
 * the false-positive rate. Makes no distributional assumption beyond the pre-period itself.
 */
export function simulatePower(pool: readonly UnitSums[], settings: SimulationSettings): SimulationResult {
  const { runs, nPerArm, shift, alpha, seed, withCovariate } = settings;
  const rng = seedStream(seed, "power-simulation", 0);
  const treated = Array.from({ length: 2 * nPerArm }, (_, i) => i < nPerArm);
  let detected = 0;
  let falsePositives = 0;
  let failed = 0;
  for (let run = 0; run < runs; run++) {
    const units = drawUnits(pool, 2 * nPerArm, rng);
    try {
      if (primaryPValue(units, treated, shift, withCovariate) < alpha) detected++;
      if (primaryPValue(units, treated, 0, withCovariate) < alpha) falsePositives++;
    } catch (error) {
      if (!(error instanceof StatsInputError)) throw error;
      failed++;
    }
  }
  const done = runs - failed;
  const share = (k: number) => (done > 0 ? k / done : 0);
  const se = (p: number) => (done > 0 ? Math.sqrt((p * (1 - p)) / done) : 0);
  const power = share(detected);
  const falsePositiveRate = share(falsePositives);
  return {
    runs,
    power,
    power_se: se(power),
    false_positive_rate: falsePositiveRate,
    false_positive_se: se(falsePositiveRate),
    failed_runs: failed,
  };
}
