import { StatsInputError } from "@uplift/stats";
import type { EffectScale, RobustnessEstimate } from "../analysis-report.js";

/**
 * Computes one robustness estimate. When the data do not allow it (a StatsInputError: all values
 * tied, a constant arm…), the entry is kept with null numbers and the reason in `note`, so a
 * secondary check never hides the primary result and is never silently missing.
 */
export function attempt(
  name: string,
  method: string,
  scale: EffectScale,
  compute: () => Pick<RobustnessEstimate, "estimate" | "ci" | "p_value"> & { note?: string },
): RobustnessEstimate {
  try {
    return { name, method, scale, ...compute() };
  } catch (error) {
    if (!(error instanceof StatsInputError)) throw error;
    return {
      name,
      method,
      scale,
      estimate: null,
      ci: null,
      p_value: null,
      note: `not computed: ${error.message}`,
    };
  }
}
