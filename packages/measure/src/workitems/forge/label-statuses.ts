import type { FlowMapping } from "../flow-mapping.js";
import type { Transition } from "../work-item-records.js";

/**
 * A label naming a status: "status: In Review", "status/blocked", GitLab's scoped
 * "workflow::in progress", or any label a mapping names as an active or waiting status.
 */
export function statusOfLabel(label: string, mapping: FlowMapping): string | undefined {
  const prefixed = /^(?:status|workflow)\s*(?:::|:|\/)\s*(.+)$/i.exec(label.trim());
  if (prefixed) return (prefixed[1] as string).trim();
  const state = mapping.state(label);
  // "open"/"closed" are the issue states themselves, not labels that move work
  return state !== undefined && state !== "new" && state !== "done" ? label.trim() : undefined;
}

/** The Flow item type of an issue: the first label a mapping names as a type, else the given type, else "issue". */
export function typeOfLabels(
  labels: readonly string[],
  mapping: FlowMapping,
  fallback?: string | null,
): string {
  return labels.find((label) => mapping.itemType(label) !== undefined) ?? fallback ?? "issue";
}

/** An event of an issue's history that may change its status. */
export interface StatusEvent {
  at: string;
  kind: "closed" | "reopened" | "labeled" | "unlabeled";
  label?: string | undefined;
}

/**
 * The status transitions of a GitHub or GitLab issue: it starts "open" (new); "closed" and
 * "reopened" change it, and so do status labels (labeled: that status; unlabeled: back to
 * "open" when it was the current one). Events are read in time order.
 */
export function transitionsOfEvents(
  itemId: string,
  events: readonly StatusEvent[],
  mapping: FlowMapping,
): Transition[] {
  const out: Transition[] = [];
  let current = "open";
  let closed = false;
  let labelStatus: string | undefined;
  const move = (at: string, to: string) => {
    if (to.toLowerCase() === current.toLowerCase()) return;
    out.push({ item_id: itemId, at, from: current, to });
    current = to;
  };
  for (const event of [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    if (event.kind === "closed") {
      closed = true;
      move(event.at, "closed");
    } else if (event.kind === "reopened") {
      closed = false;
      move(event.at, labelStatus ?? "open");
    } else {
      const status = event.label ? statusOfLabel(event.label, mapping) : undefined;
      if (status === undefined) continue;
      if (event.kind === "labeled") {
        labelStatus = status;
        if (!closed) move(event.at, status);
      } else if (labelStatus?.toLowerCase() === status.toLowerCase()) {
        labelStatus = undefined;
        if (!closed) move(event.at, "open");
      }
    }
  }
  return out;
}
