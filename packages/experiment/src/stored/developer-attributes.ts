import { InputError, type Queryable } from "@uplift/core";
import { readDevelopers } from "@uplift/measure";
import type { StoredMetricRow } from "./stored-metric-rows.js";

/** Developer login → attribute name → value (team, role, and the imported extra columns). */
export type DeveloperAttributes = Map<string, Map<string, string>>;

const RECORD_KEYS = new Set(["repo"]);

/**
 * The subgroup attributes of every developer, from the developers imported with `measure import
 * csv --kind developers` (team, role, and extra columns such as language or seniority kept as
 * attributes). A `--by` name that no developer has is bad input listing the names there are.
 */
export async function developerAttributes(
  db: Queryable,
  by: readonly string[],
): Promise<DeveloperAttributes> {
  const out: DeveloperAttributes = new Map();
  const names = new Set<string>(["team", "role", ...RECORD_KEYS]);
  for (const row of await readDevelopers(db)) {
    const values = new Map<string, string>([["team", row.team]]);
    if (row.role) values.set("role", row.role);
    for (const [key, value] of Object.entries(row.attributes)) {
      if (value === null || value === undefined) continue;
      names.add(key);
      values.set(key, String(value));
    }
    out.set(row.login, values);
  }
  for (const name of by) {
    if (!names.has(name)) {
      throw new InputError(
        `--by ${name}: no developer has that attribute (available: ${[...names].sort().join(", ")}; import developers with the column: uplift measure import csv --kind developers)`,
      );
    }
  }
  return out;
}

/** The label of a row for a `--by` name: the record's repo, or the developer's attribute ("" when absent). */
export function subgroupLabel(by: string, developers: DeveloperAttributes): (row: StoredMetricRow) => string {
  if (by === "repo") return (row) => row.repo ?? "";
  return (row) => developers.get(row.unit)?.get(by) ?? "";
}
