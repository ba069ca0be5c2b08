import { clusterBootstrapCi } from "@uplift/stats";
import type { AnalysisData } from "../analysis-data.js";
import type { RobustnessEstimate } from "../analysis-report.js";
import { effectScale, intervalToReportScale, toReportScale } from "../effect-scale.js";
import { armCoefficientFromMoments, unitMoments } from "../unit-moments.js";
import { attempt } from "./attempt.js";
import { droppedNote } from "./dropped-replicates.js";

/** How a cluster bootstrap is run. */
export interface BootstrapSettings {
  replicates: number;
  seed: number;
  confLevel: number;
}

/**
 * Cluster bootstrap of the primary estimate: resample whole units with replacement within each arm
 * (every replicate keeps the arm sizes), refit the primary OLS on each resample, and take the BCa
 * interval (Efron 1987; acceleration from the leave-one-unit-out jackknife). Needs no variance
 * formula, so it checks the CR2 interval.
 */
export function primaryBootstrap(data: AnalysisData, settings: BootstrapSettings): RobustnessEstimate {
  const { logOutcome } = data.spec;
  const name = "cluster_bootstrap";
  const method = `primary model refitted on ${settings.replicates} resamples of ${data.spec.unit}s within arms (seed ${settings.seed}), BCa interval`;
  return attempt(name, method, effectScale(logOutcome), () => {
    const units = unitMoments(data, data.y);
    const boot = clusterBootstrapCi(units, armCoefficientFromMoments, {
      replicates: settings.replicates,
      seed: settings.seed,
      strata: units.map((u) => (u.treated ? 1 : 0)),
      confLevel: settings.confLevel,
      method: "bca",
    });
    const note = droppedNote(boot.replicates);
    return {
      estimate: toReportScale(logOutcome, boot.estimate),
      ci: intervalToReportScale(logOutcome, boot.confidenceInterval),
      p_value: null,
      ...(note ? { note } : {}),
    };
  });
}
