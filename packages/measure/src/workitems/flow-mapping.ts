/** Flow states of the Flow Framework (Kersten, "Project to Product", 2018). */
export const FLOW_STATES = ["new", "active", "waiting", "done"] as const;
export type FlowState = (typeof FLOW_STATES)[number];

/** Flow item types: the four kinds of work a value stream delivers. */
export const FLOW_ITEM_TYPES = ["feature", "defect", "risk", "debt"] as const;
export type FlowItemType = (typeof FLOW_ITEM_TYPES)[number];

/** What a mapping row maps: a source status to a Flow state, or a source item type to a Flow item type. */
export type MappingKind = "status" | "type";

/** Where a mapping comes from: built in, derived from Jira's status category, or a reviewed file. */
export type MappingOrigin = "default" | "jira-category" | "file";

/** One mapping: `name` as the source spells it, matched case-insensitively. */
export interface FlowMappingEntry {
  kind: MappingKind;
  name: string;
  flow: string;
  origin: MappingOrigin;
}

/**
 * Built-in status defaults: Jira's status categories (To Do → new, In Progress → active,
 * Done → done) and the names common workflows use; everything else is unmapped and reported.
 */
const DEFAULT_STATUSES: Record<FlowState, readonly string[]> = {
  new: ["to do", "todo", "open", "opened", "new", "backlog", "selected for development", "ready", "reopened"],
  active: [
    "in progress",
    "doing",
    "in development",
    "in review",
    "code review",
    "review",
    "in testing",
    "testing",
  ],
  waiting: [
    "blocked",
    "waiting",
    "on hold",
    "waiting for review",
    "ready for review",
    "ready for qa",
    "ready to deploy",
  ],
  done: [
    "done",
    "closed",
    "resolved",
    "complete",
    "completed",
    "released",
    "won't do",
    "cancelled",
    "canceled",
  ],
};

/** Built-in item type defaults (Jira's standard issue types, GitHub/GitLab labels). */
const DEFAULT_TYPES: Record<FlowItemType, readonly string[]> = {
  feature: [
    "story",
    "user story",
    "feature",
    "new feature",
    "enhancement",
    "improvement",
    "epic",
    "task",
    "sub-task",
    "subtask",
  ],
  defect: ["bug", "defect", "incident", "problem"],
  risk: ["security", "vulnerability", "risk", "compliance"],
  debt: ["tech debt", "technical debt", "debt", "refactor", "refactoring", "chore", "maintenance"],
};

/** The key a name is matched by: trimmed, lower-case, inner spaces collapsed. */
export function mappingKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Every built-in mapping, origin "default". */
export function defaultMappings(): FlowMappingEntry[] {
  const out: FlowMappingEntry[] = [];
  for (const [flow, names] of Object.entries(DEFAULT_STATUSES))
    for (const name of names) out.push({ kind: "status", name, flow, origin: "default" });
  for (const [flow, names] of Object.entries(DEFAULT_TYPES))
    for (const name of names) out.push({ kind: "type", name, flow, origin: "default" });
  return out;
}

/** Whether `flow` is a valid target for `kind`. */
export function isFlowTarget(kind: MappingKind, flow: string): boolean {
  return kind === "status"
    ? (FLOW_STATES as readonly string[]).includes(flow)
    : (FLOW_ITEM_TYPES as readonly string[]).includes(flow);
}

/**
 * Resolves source statuses and item types: a reviewed file over the built-in defaults over Jira's
 * status categories. Unknown names resolve to undefined — never guessed.
 */
export class FlowMapping {
  readonly #status = new Map<string, FlowMappingEntry>();
  readonly #type = new Map<string, FlowMappingEntry>();

  constructor(stored: readonly FlowMappingEntry[] = []) {
    // a reviewed file wins over a default name, which wins over a Jira status category (Jira puts
    // "Blocked" and "In Review" alike in "In Progress"; the names say waiting vs active)
    for (const entry of stored) if (entry.origin === "jira-category") this.#add(entry);
    for (const entry of defaultMappings()) this.#add(entry);
    for (const entry of stored) if (entry.origin === "file") this.#add(entry);
  }

  #add(entry: FlowMappingEntry): void {
    (entry.kind === "status" ? this.#status : this.#type).set(mappingKey(entry.name), entry);
  }

  state(status: string): FlowState | undefined {
    return this.#status.get(mappingKey(status))?.flow as FlowState | undefined;
  }

  itemType(type: string): FlowItemType | undefined {
    return this.#type.get(mappingKey(type))?.flow as FlowItemType | undefined;
  }

  entry(kind: MappingKind, name: string): FlowMappingEntry | undefined {
    return (kind === "status" ? this.#status : this.#type).get(mappingKey(name));
  }
}
