import type { FlowMapping } from "./flow-mapping.js";
import { mappingKey } from "./flow-mapping.js";

/** Why an input row of a work-item import is refused. */
export type WorkItemProblemReason = "unknown_status" | "unknown_type" | "out_of_order" | "unknown_item";

/** One refused row: where it is and what is wrong. */
export interface WorkItemProblem {
  reason: WorkItemProblemReason;
  /** "file line N" (or "file record N"). */
  where: string;
  item: string;
  message: string;
  /** The unmapped name (unknown_status, unknown_type). */
  name?: string;
}

/** Collects problems; unmapped names are also counted, so the report lists each with its rows. */
export class WorkItemProblems {
  readonly list: WorkItemProblem[] = [];
  readonly #unmapped = new Map<
    string,
    { kind: "status" | "type"; name: string; rows: number; first: string }
  >();

  add(problem: WorkItemProblem): void {
    this.list.push(problem);
    if (problem.name === undefined) return;
    const kind = problem.reason === "unknown_type" ? "type" : "status";
    const key = `${kind}\u0000${mappingKey(problem.name)}`;
    const seen = this.#unmapped.get(key);
    if (seen) seen.rows++;
    else this.#unmapped.set(key, { kind, name: problem.name, rows: 1, first: problem.where });
  }

  /** Checks that a status maps to a Flow state; records the problem when not. */
  status(mapping: FlowMapping, status: string, where: string, item: string, column: string): boolean {
    if (mapping.state(status) !== undefined) return true;
    this.add({
      reason: "unknown_status",
      where: `${where}, column ${column}`,
      item,
      name: status,
      message: `item ${item}: status "${status}" is not mapped to a Flow state (new, active, waiting, done)`,
    });
    return false;
  }

  /** Counts by reason, for the import report. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const problem of this.list) counts[problem.reason] = (counts[problem.reason] ?? 0) + 1;
    return counts;
  }

  /** Every unmapped name with its row count and first place, most rows first. */
  unmapped(): { kind: "status" | "type"; name: string; rows: number; first: string }[] {
    return [...this.#unmapped.values()].sort((a, b) => b.rows - a.rows || (a.name < b.name ? -1 : 1));
  }

  /** One message for an InputError: the counts, every unmapped name, the first problems, what to do. */
  summary(file: string): string {
    const counts = Object.entries(this.counts())
      .map(([reason, n]) => `${reason} ${n}`)
      .join(", ");
    const lines = [`${file}: ${this.list.length} rows refused (${counts}); nothing was imported`];
    const unmapped = this.unmapped();
    if (unmapped.length > 0)
      lines.push(
        `unmapped: ${unmapped.map((u) => `${u.kind} "${u.name}" (${u.rows} rows, first ${u.first})`).join("; ")}`,
      );
    for (const problem of this.list.filter((p) => p.name === undefined).slice(0, 5))
      lines.push(`${problem.where}: ${problem.message}`);
    if (unmapped.length > 0)
      lines.push(
        "map them in a mapping file (uplift measure statuses export --out map.csv; add kind,name,flow rows; uplift measure statuses import map.csv) and import again",
      );
    return lines.join("\n");
  }
}
