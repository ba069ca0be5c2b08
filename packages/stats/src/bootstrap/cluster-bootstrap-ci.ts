import { bcaInterval } from "./bca-interval.js";
import { type ClusterBootstrapOptions, clusterBootstrap, clusterJackknife } from "./cluster-bootstrap.js";
import { percentileInterval } from "./percentile-interval.js";

export interface ClusterBootstrapCiOptions extends ClusterBootstrapOptions {
  /** Default 0.95. */
  confLevel?: number;
  /** Default "bca". */
  method?: "percentile" | "bca";
}

export interface ClusterBootstrapCi {
  estimate: number;
  confidenceInterval: [number, number];
  method: "percentile" | "bca";
  replicates: Float64Array;
}

/**
 * Cluster-bootstrap confidence interval of a statistic: `clusterBootstrap` then a percentile or
 * BCa interval (BCa's acceleration from the leave-one-unit-out jackknife, n extra evaluations).
 */
export function clusterBootstrapCi<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => number,
  options: ClusterBootstrapCiOptions,
): ClusterBootstrapCi {
  const { confLevel = 0.95, method = "bca", ...bootOptions } = options;
  const { estimate, replicates } = clusterBootstrap(units, statistic, bootOptions);
  const confidenceInterval =
    method === "percentile"
      ? percentileInterval(replicates, confLevel)
      : bcaInterval({ estimate, replicates, jackknife: clusterJackknife(units, statistic), confLevel })
          .interval;
  return { estimate, confidenceInterval, method, replicates };
}
