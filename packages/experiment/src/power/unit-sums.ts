import type { ClusterMoments } from "./compressed-clusters.js";
import type { PrePeriodData } from "./pre-period-data.js";

/** Sums over one unit's rows (y and the covariate centred on their grand means). */
export interface UnitSums {
  n: number;
  sumC: number;
  sumCC: number;
  sumY: number;
  sumCY: number;
}

/** Per-unit sums of the pre-period data, from which any arm assignment's moments follow. */
export function unitSums(data: PrePeriodData): UnitSums[] {
  const yMean = data.y.reduce((s, v) => s + v, 0) / data.y.length;
  const cov = data.covariate;
  const cMean = cov ? cov.reduce((s, v) => s + v, 0) / cov.length : 0;
  return data.units.map((u) => {
    const sums = { n: 0, sumC: 0, sumCC: 0, sumY: 0, sumCY: 0 };
    for (const i of u.rows) {
      const y = (data.y[i] as number) - yMean;
      const c = cov ? (cov[i] as number) - cMean : 0;
      sums.n++;
      sums.sumC += c;
      sums.sumCC += c * c;
      sums.sumY += y;
      sums.sumCY += c * y;
    }
    return sums;
  });
}

/**
 * The moments of design [1, treated, covariate?] for a unit in an arm, with `shift` added to every
 * outcome of a treated unit (an injected effect on the model scale).
 */
export function armMoments(
  s: UnitSums,
  treated: boolean,
  shift: number,
  withCovariate: boolean,
): ClusterMoments {
  const t = treated ? 1 : 0;
  const sumY = s.sumY + t * shift * s.n;
  const sumCY = s.sumCY + t * shift * s.sumC;
  if (!withCovariate) {
    return {
      gram: [
        [s.n, t * s.n],
        [t * s.n, t * s.n],
      ],
      xty: [sumY, t * sumY],
    };
  }
  return {
    gram: [
      [s.n, t * s.n, s.sumC],
      [t * s.n, t * s.n, t * s.sumC],
      [s.sumC, t * s.sumC, s.sumCC],
    ],
    xty: [sumY, t * sumY, sumCY],
  };
}
