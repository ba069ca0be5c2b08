import { clusterBootstrap, percentileInterval } from "@uplift/stats";
import type { AnalysisData } from "../analysis-data.js";
import type { RobustnessEstimate } from "../analysis-report.js";
import { effectScale } from "../effect-scale.js";
import { ResampleMedian } from "../resample-median.js";
import { attempt } from "./attempt.js";
import { droppedNote } from "./dropped-replicates.js";
import type { BootstrapSettings } from "./primary-bootstrap.js";

interface ArmUnit {
  treated: boolean;
  /** Index within its arm. */
  index: number;
  rows: number;
}

/**
 * Medians of the row-level outcome per arm ("median PR merge time"), compared as a ratio − 1 with
 * a log outcome and as a difference otherwise, with a cluster-bootstrap percentile interval
 * (units resampled within arms; percentile rather than BCa because the jackknife is unreliable for
 * medians, Efron & Tibshirani 1993 §11.6).
 */
export function medianBootstrap(data: AnalysisData, settings: BootstrapSettings): RobustnessEstimate {
  const { logOutcome, outcome } = data.spec;
  const name = "medians_cluster_bootstrap";
  const method = `${logOutcome ? "ratio" : "difference"} of per-arm medians of ${outcome}, cluster-bootstrap percentile interval (${settings.replicates} resamples, seed ${settings.seed})`;
  return attempt(name, method, effectScale(logOutcome), () => {
    const arms = [true, false].map((treated) => data.units.filter((u) => u.treated === treated));
    const medians = arms.map(
      (units) => new ResampleMedian(units.map((u) => u.rows.map((i) => data.raw[i] as number))),
    );
    const units: ArmUnit[] = arms.flatMap((members, a) =>
      members.map((u, index) => ({ treated: a === 0, index, rows: u.rows.length })),
    );
    const multiplicity = arms.map((members) => new Int32Array(members.length));
    const armMedians = (sample: readonly ArmUnit[]): [number, number] => {
      const totals = [0, 0];
      for (const m of multiplicity) m.fill(0);
      for (const u of sample) {
        const a = u.treated ? 0 : 1;
        (multiplicity[a] as Int32Array)[u.index] = ((multiplicity[a] as Int32Array)[u.index] as number) + 1;
        totals[a] = (totals[a] as number) + u.rows;
      }
      return [0, 1].map((a) =>
        (medians[a] as ResampleMedian).median(multiplicity[a] as Int32Array, totals[a] as number),
      ) as [number, number];
    };
    const contrast = (sample: readonly ArmUnit[]): number => {
      const [treatment, control] = armMedians(sample);
      return logOutcome ? treatment / control - 1 : treatment - control;
    };
    const boot = clusterBootstrap(units, contrast, {
      replicates: settings.replicates,
      seed: settings.seed,
      strata: units.map((u) => (u.treated ? 1 : 0)),
    });
    const [treatment, control] = armMedians(units);
    const dropped = droppedNote(boot.replicates);
    return {
      estimate: boot.estimate,
      ci: percentileInterval(boot.replicates, settings.confLevel),
      p_value: null,
      note: `median ${outcome}: ${fmt(treatment)} (${data.spec.treatment}) vs ${fmt(control)} (${data.control})${dropped ? `; ${dropped}` : ""}`,
    };
  });
}

function fmt(v: number): string {
  return Number(v.toPrecision(4)).toString();
}
