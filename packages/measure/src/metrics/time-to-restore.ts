import { GroupedValues } from "./duration-rows.js";
import { groupOf, inWindow } from "./grouping.js";
import { measureSpan } from "./span.js";
import { DURATION_LOG_FLOOR_HOURS } from "./summary.js";
import type { MetricDefinition } from "./types.js";

const definition =
  "Incident started → resolved (resolved_at − started_at), in hours; an incident belongs to the day it was resolved " +
  "(UTC), unresolved ones are excluded as missing_end (counted in the window of their start). value = median, with n, " +
  "p75, p90, mean and mean_log. --group-by repo groups by the incident's service.";

/** time_to_restore (DORA). */
export const timeToRestore: MetricDefinition = {
  name: "time_to_restore",
  unit: "hours",
  definition,
  groupable: ["repo", "week"],
  compute(inputs, options) {
    const values = new GroupedValues();
    for (const incident of inputs.incidents) {
      const anchor = Number.isNaN(incident.resolved) ? incident.started : incident.resolved;
      if (!inWindow(options, anchor)) continue;
      const group = groupOf(options, { repo: incident.service }, anchor);
      const hours = measureSpan(incident.started, incident.resolved);
      if (typeof hours === "number") values.add(group, hours);
      else values.exclude(group, hours);
    }
    return values.rows(
      { name: "time_to_restore", unit: "hours", definition },
      DURATION_LOG_FLOOR_HOURS,
      options.grouped,
    );
  },
};
