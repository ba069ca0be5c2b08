/**
 * @uplift/stats on the reference rollout's shape: 300 developers (150/150) with 50 PRs each
 * (15,000 rows), log merge hours, a pre-period covariate. Times the experiment engine's hot paths:
 * OLS + CR2 covariance + Satterthwaite df, a 2,000-replicate cluster bootstrap with BCa, the
 * Hodges–Lehmann interval on developer means, the exact Mann–Whitney distribution, and t quantiles.
 *
 *   npx tsc -b && node bench/stats.ts
 */
import {
  clusterBootstrapCi,
  clusterRobustTest,
  createRng,
  hodgesLehmann,
  mannWhitneyU,
  normalQuantile,
  ols,
  studentTQuantile,
} from "@uplift/stats";

const DEVELOPERS = 300;
const PRS_PER_DEVELOPER = 50;
const RUNS = 5;

interface Developer {
  arm: number;
  pre: number;
  logHours: number[];
}

/** Fixed input: the same data on every run and machine (seeded xoshiro128**). */
function developers(): Developer[] {
  const rng = createRng(20261126);
  const normal = () => normalQuantile(rng.nextFloat() * (1 - 2 ** -53) + 2 ** -54);
  return Array.from({ length: DEVELOPERS }, (_, d) => {
    const arm = d % 2;
    const ability = 0.5 * normal();
    return {
      arm,
      pre: 2.5 + ability + 0.3 * normal(),
      logHours: Array.from({ length: PRS_PER_DEVELOPER }, () => 2.5 + ability - 0.18 * arm + 0.8 * normal()),
    };
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(label: string, run: () => unknown): void {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    ms.push(performance.now() - start);
  }
  console.log(`${label.padEnd(62)} ${median(ms).toFixed(1).padStart(8)} ms (median of ${RUNS})`);
}

const devs = developers();
const y: number[] = [];
const x: number[][] = [];
const clusters: number[] = [];
devs.forEach((d, id) => {
  for (const h of d.logHours) {
    y.push(h);
    x.push([1, d.arm, d.pre]);
    clusters.push(id);
  }
});
const devMeans = devs.map((d) => d.logHours.reduce((s, v) => s + v, 0) / d.logHours.length);
const treated = devMeans.filter((_, i) => (devs[i] as Developer).arm === 1);
const control = devMeans.filter((_, i) => (devs[i] as Developer).arm === 0);
const armDifference = (sample: readonly Developer[]): number => {
  const sums = [0, 0];
  const counts = [0, 0];
  for (const d of sample) {
    for (const h of d.logHours) sums[d.arm] = (sums[d.arm] as number) + h;
    counts[d.arm] = (counts[d.arm] as number) + d.logHours.length;
  }
  return (sums[1] as number) / (counts[1] as number) - (sums[0] as number) / (counts[0] as number);
};

console.log(
  `node ${process.version}, ${DEVELOPERS} developers × ${PRS_PER_DEVELOPER} PRs = ${y.length} rows`,
);
time("ols (QR) on 15,000 × 3", () => ols(y, x));
const fit = ols(y, x);
time("clusterRobustTest CR2 + Satterthwaite df (300 clusters)", () => clusterRobustTest(x, fit, clusters, 1));
time("clusterRobustTest CR1, df = G − 1", () => clusterRobustTest(x, fit, clusters, 1, { type: "CR1" }));
time("clusterBootstrapCi BCa, 2,000 replicates, arms as strata", () =>
  clusterBootstrapCi(devs, armDifference, { seed: 1, replicates: 2000, strata: devs.map((d) => d.arm) }),
);
time("hodgesLehmann on developer means (150 × 150, normal approx.)", () => hodgesLehmann(treated, control));
time("mannWhitneyU exact, 49 × 49 (distribution from scratch)", () =>
  mannWhitneyU(treated.slice(0, 49), control.slice(0, 49)),
);
time("studentTQuantile × 10,000 (df 2..300, p 1e-12..0.5)", () => {
  for (let i = 0; i < 10_000; i++) studentTQuantile(1e-12 + (i % 100) / 200, 2 + (i % 299));
});
const test = clusterRobustTest(x, fit, clusters, 1);
console.log(
  `treatment effect ${test.estimate.toFixed(4)} (se ${test.standardError.toFixed(4)}, df ${test.df.toFixed(1)}, p ${test.pValue.toExponential(2)})`,
);
