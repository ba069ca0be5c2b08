import { InputError } from "@uplift/core";
import { StatsInputError } from "@uplift/stats";

/**
 * Runs a computation of @uplift/stats and turns its `StatsInputError` (data the statistic cannot
 * be computed on: a singular design, zero variance…) into an `InputError` (exit 2) whose message
 * says what was being computed. Other errors pass through unchanged.
 */
export function withStatsInput<T>(what: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof StatsInputError) throw new InputError(`${what}: ${error.message}`, { cause: error });
    throw error;
  }
}
