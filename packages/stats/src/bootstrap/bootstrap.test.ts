import { describe, expect, it } from "vitest";
import { expectAllClose, expectClose, readReference } from "../../reference/reference.js";
import { normalQuantile } from "../distributions/normal.js";
import { chiSquareGoodnessOfFit } from "../hypothesis/chi-square-goodness-of-fit.js";
import { bcaInterval } from "./bca-interval.js";
import { clusterBootstrap, clusterJackknife } from "./cluster-bootstrap.js";
import { clusterBootstrapCi } from "./cluster-bootstrap-ci.js";
import { percentileInterval } from "./percentile-interval.js";
import { createRng, type Rng } from "./rng.js";

interface BootReference {
  units: number[][];
  estimate: number;
  replicates: number[];
  jackknife: number[];
  percentile95: [number, number];
  bca95: [number, number];
  percentile90: [number, number];
  bca90: [number, number];
  acceleration: number;
  biasCorrection: number;
}

const r = readReference<BootReference>("bootstrap");
const pooledMean = (units: readonly (readonly number[])[]): number => {
  let sum = 0;
  let count = 0;
  for (const u of units) {
    for (const v of u) sum += v;
    count += u.length;
  }
  return sum / count;
};

describe("xoshiro128** generator", () => {
  it("reproduces the reference C implementation's outputs for a known state", () => {
    // State and outputs from the test data of the reference implementation (prng.di.unimi.it).
    const rng = createRng([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([
      0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70,
    ]);
  });

  it("is deterministic per seed and differs between seeds", () => {
    const draw = (rng: Rng) => Array.from({ length: 5 }, () => rng.nextUint32());
    expect(draw(createRng(42))).toEqual(draw(createRng(42)));
    expect(draw(createRng(42))).not.toEqual(draw(createRng(43)));
  });

  it("draws integers uniformly (chi-square goodness of fit over 100 000 draws) and floats in [0, 1)", () => {
    const rng = createRng(7);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const k = rng.nextInt(7);
      counts[k] = (counts[k] as number) + 1;
    }
    expect(chiSquareGoodnessOfFit(counts).pValue).toBeGreaterThan(1e-3);
    for (let i = 0; i < 1000; i++) {
      const u = rng.nextFloat();
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});

describe("bootstrap intervals against R boot.ci on the same replicates", () => {
  it("percentile intervals match boot.ci(type = 'perc') at 95 % and 90 %", () => {
    expectAllClose(percentileInterval(r.replicates, 0.95), r.percentile95, 1e-12);
    expectAllClose(percentileInterval(r.replicates, 0.9), r.percentile90, 1e-12);
  });

  it("BCa intervals, bias correction and acceleration match boot.ci(type = 'bca', L = jackknife)", () => {
    const bca95 = bcaInterval({ estimate: r.estimate, replicates: r.replicates, jackknife: r.jackknife });
    expectAllClose(bca95.interval, r.bca95, 1e-10);
    expectClose(bca95.acceleration, r.acceleration, 1e-10);
    expectClose(bca95.biasCorrection, r.biasCorrection, 1e-10);
    const bca90 = bcaInterval({
      estimate: r.estimate,
      replicates: r.replicates,
      jackknife: r.jackknife,
      confLevel: 0.9,
    });
    expectAllClose(bca90.interval, r.bca90, 1e-10);
  });

  it("clusterJackknife gives R's leave-one-developer-out estimates", () => {
    expectAllClose(Array.from(clusterJackknife(r.units, pooledMean)), r.jackknife, 1e-14);
  });

  it("our resampling lands within 2 % of boot's intervals (different RNG, 4000 replicates)", () => {
    const ours = clusterBootstrapCi(r.units, pooledMean, { seed: 1, replicates: 4000 });
    const width = r.bca95[1] - r.bca95[0];
    expect(Math.abs(ours.confidenceInterval[0] - r.bca95[0])).toBeLessThan(0.02 * r.estimate);
    expect(Math.abs(ours.confidenceInterval[1] - r.bca95[1])).toBeLessThan(0.02 * r.estimate);
    expect(ours.confidenceInterval[1] - ours.confidenceInterval[0]).toBeGreaterThan(0.9 * width);
  });
});

describe("cluster bootstrap properties", () => {
  it("is reproducible with a seed", () => {
    const a = clusterBootstrap(r.units, pooledMean, { seed: 99, replicates: 200 });
    const b = clusterBootstrap(r.units, pooledMean, { seed: 99, replicates: 200 });
    const c = clusterBootstrap(r.units, pooledMean, { seed: 100, replicates: 200 });
    expect(Array.from(a.replicates)).toEqual(Array.from(b.replicates));
    expect(Array.from(a.replicates)).not.toEqual(Array.from(c.replicates));
  });

  it("resamples whole units within strata, keeping each arm's size", () => {
    const units = Array.from({ length: 12 }, (_, i) => ({ arm: i < 5 ? "control" : "treatment", id: i }));
    const armSizes = new Set<string>();
    clusterBootstrap(
      units,
      (sample) => {
        const control = sample.filter((u) => u.arm === "control").length;
        armSizes.add(`${control}/${sample.length - control}`);
        return control;
      },
      { seed: 3, replicates: 300, strata: units.map((u) => u.arm) },
    );
    expect([...armSizes]).toEqual(["5/7"]);
  });

  it("mirrors the percentile and BCa intervals when the data are negated (same seed)", () => {
    const negated = r.units.map((u) => u.map((v) => -v));
    for (const method of ["percentile", "bca"] as const) {
      const a = clusterBootstrapCi(r.units, pooledMean, { seed: 5, replicates: 999, method });
      const b = clusterBootstrapCi(negated, pooledMean, { seed: 5, replicates: 999, method });
      expectClose(b.confidenceInterval[0], -a.confidenceInterval[1], 1e-12);
      expectClose(b.confidenceInterval[1], -a.confidenceInterval[0], 1e-12);
    }
  });

  it("covers the true mean at close to the nominal rate on simulated clustered data", () => {
    // 200 experiments of 25 developers with 1–5 PRs; PR hours log-normal with a developer effect.
    const rng = createRng(2026);
    const normal = () => normalQuantile(rng.nextFloat() * (1 - 2 ** -53) + 2 ** -54);
    const trueMean = Math.exp(1 + (0.3 ** 2 + 0.5 ** 2) / 2);
    let coveredPercentile = 0;
    let coveredBca = 0;
    const runs = 200;
    for (let run = 0; run < runs; run++) {
      const units = Array.from({ length: 25 }, () => {
        const developer = 0.3 * normal();
        return Array.from({ length: 1 + rng.nextInt(5) }, () => Math.exp(1 + developer + 0.5 * normal()));
      });
      const percentile = clusterBootstrapCi(units, pooledMean, {
        seed: run,
        replicates: 300,
        confLevel: 0.9,
        method: "percentile",
      });
      const bca = clusterBootstrapCi(units, pooledMean, { seed: run, replicates: 300, confLevel: 0.9 });
      if (percentile.confidenceInterval[0] <= trueMean && trueMean <= percentile.confidenceInterval[1])
        coveredPercentile++;
      if (bca.confidenceInterval[0] <= trueMean && trueMean <= bca.confidenceInterval[1]) coveredBca++;
    }
    // Nominal 0.90; ±3 binomial SEs (0.021 each) plus the known small-sample undercoverage.
    expect(coveredPercentile / runs).toBeGreaterThan(0.8);
    expect(coveredPercentile / runs).toBeLessThan(0.97);
    expect(coveredBca / runs).toBeGreaterThan(0.8);
    expect(coveredBca / runs).toBeLessThan(0.97);
  });
});
