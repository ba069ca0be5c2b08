import { InputError, type Queryable } from "@uplift/core";
import { tableColumnNames, tableExists } from "./catalog.js";

/** The table the experiment track writes its assignments to (the one coordination point). */
export const ASSIGNMENTS_TABLE = "experiment_assignments";
const TIME_COLUMNS = ["assigned_at", "created_at", "updated_at"];

/**
 * Unit (developer login) → arm of one experiment, for `--group-by arm`: the named experiment, or
 * the latest one (by the table's assigned_at/created_at when it has one; else the only one).
 * Throws InputError when no assignment exists or the choice is ambiguous.
 */
export async function loadExperimentArms(
  db: Queryable,
  experiment: string | undefined,
  resolve: (name: string) => string,
): Promise<{ experiment: string; arms: Map<string, string> }> {
  if (!(await tableExists(db, ASSIGNMENTS_TABLE)))
    throw new InputError(
      "--group-by arm: no experiment assignment exists (run uplift experiment design … to assign developers to arms)",
    );
  const name = experiment ?? (await latestExperiment(db));
  const { rows } = await db.query<{ unit: string; arm: string }>(
    `SELECT unit, arm FROM ${ASSIGNMENTS_TABLE} WHERE experiment = $1`,
    [name],
  );
  if (rows.length === 0)
    throw new InputError(`--experiment ${name}: no assignment exists for that experiment`);
  return { experiment: name, arms: new Map(rows.map((row) => [resolve(row.unit), row.arm])) };
}

async function latestExperiment(db: Queryable): Promise<string> {
  const columns = await tableColumnNames(db, ASSIGNMENTS_TABLE);
  const time = TIME_COLUMNS.find((column) => columns.has(column));
  const { rows } = await db.query<{ experiment: string }>(
    time
      ? `SELECT experiment FROM ${ASSIGNMENTS_TABLE} GROUP BY experiment ORDER BY max(${time}) DESC, experiment LIMIT 2`
      : `SELECT DISTINCT experiment FROM ${ASSIGNMENTS_TABLE} ORDER BY experiment LIMIT 2`,
  );
  const first = rows[0];
  if (!first)
    throw new InputError("--group-by arm: no experiment assignment exists (the assignments table is empty)");
  if (!time && rows.length > 1)
    throw new InputError(
      "--group-by arm: several experiments have assignments; name one with --experiment NAME",
    );
  return first.experiment;
}
