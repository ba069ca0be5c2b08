/**
 * The simulated rollout of bench/experiment-coverage.ts and bench/experiment-false-positives.ts:
 * 300 developers randomized 150/150 (complete randomization); developer ability a ~ N(0, 0.5²);
 * PRs per developer 1 + Poisson(λ) with λ ~ 19·LogNormal(0, 0.6²) normalised (mean ≈ 20, CV ≈ 0.7);
 * the developer's own effect τ ~ N(meanEffect, effectSd²); pre-period log hours a + N(0, 0.3²);
 * log merge hours 3 + a + τ·treated + N(0, 0.8²). Deterministic for a given Rng state.
 */
import type { AnalysisData } from "@uplift/experiment";
import { normalQuantile, type Rng } from "@uplift/stats";

const DEVELOPERS = 300;

export function simulateRollout(
  rng: Rng,
  meanEffect: number,
  effectSd: number,
  withCovariate: boolean,
): AnalysisData {
  const normal = () => normalQuantile(rng.nextFloat() * (1 - 2 ** -53) + 2 ** -54);
  const poisson = (lambda: number) => {
    // inversion; λ is at most a few hundred here
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = rng.nextFloat();
    while (u > cdf && k < 10_000) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  };
  const order = Array.from({ length: DEVELOPERS }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const treatedUnit = new Array<boolean>(DEVELOPERS).fill(false);
  for (let i = 0; i < DEVELOPERS / 2; i++) treatedUnit[order[i] as number] = true;
  const data: AnalysisData = {
    file: "simulated",
    spec: {
      outcome: "hours",
      arm: "arm",
      treatment: "treatment",
      unit: "dev",
      covariate: "pre",
      logOutcome: true,
      logCovariate: true,
    },
    control: "control",
    y: [],
    raw: [],
    covariate: withCovariate ? [] : undefined,
    treated: [],
    unitIndex: [],
    sourceRows: [],
    units: [],
    excluded: { missing_outcome: 0, missing_covariate: 0, other_arms: 0, outside_period: 0 },
    outcomeValues: { zero: 0, negative: 0 },
  };
  for (let d = 0; d < DEVELOPERS; d++) {
    const ability = 0.5 * normal();
    const tau = meanEffect + effectSd * normal();
    const pre = ability + 0.3 * normal();
    const prs = 1 + poisson(19 * Math.exp(0.6 * normal() - 0.18));
    const treated = treatedUnit[d] as boolean;
    const rows: number[] = [];
    for (let i = 0; i < prs; i++) {
      const logHours = 3 + ability + (treated ? tau : 0) + 0.8 * normal();
      rows.push(data.y.length);
      data.y.push(logHours);
      data.raw.push(Math.exp(logHours));
      data.covariate?.push(pre);
      data.treated.push(treated);
      data.unitIndex.push(d);
      data.sourceRows.push(data.sourceRows.length);
    }
    data.units.push({ id: `d${d}`, treated, rows });
  }
  return data;
}
