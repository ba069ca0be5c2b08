import { InputError, type Queryable } from "@uplift/core";
import { canonicalLogin, loadIdentityMap, readSurveyAnswers, readTelemetryDays } from "@uplift/measure";
import type { StoredAssignment, StoredExperiment } from "../design/experiment-repository.js";
import type { LikertAnswer } from "../survey/likert-analysis.js";
import type { TelemetryDayRow } from "../telemetry/acceptance-analysis.js";

/** Assigned developers by canonical login (aliases resolved as measure resolves them). */
async function armsByLogin(
  db: Queryable,
  assignments: readonly StoredAssignment[],
): Promise<Map<string, string>> {
  const identities = await loadIdentityMap(db);
  return new Map(assignments.map((a) => [canonicalLogin(identities, a.unit), a.arm]));
}

/**
 * Survey answers imported with `measure import csv --kind survey`, each respondent resolved to a
 * developer and given the arm of the stored assignment (respondents not assigned: arm "").
 * `survey` selects one survey; by default every survey's items (named "survey/item" when there
 * are several surveys).
 */
export async function storedSurveyAnswers(
  db: Queryable,
  assignments: readonly StoredAssignment[],
  survey?: string,
): Promise<LikertAnswer[]> {
  const arms = await armsByLogin(db, assignments);
  const identities = await loadIdentityMap(db);
  const rows = await readSurveyAnswers(db, survey);
  if (rows.length === 0) {
    throw new InputError(
      `no survey answers stored${survey === undefined ? "" : ` for survey "${survey}"`}: import them with uplift measure import csv --kind survey FILE`,
    );
  }
  const several = new Set(rows.map((r) => r.survey)).size > 1;
  return rows.map((r) => {
    const unit = canonicalLogin(identities, r.respondent);
    return {
      unit,
      arm: arms.get(unit) ?? "",
      item: several ? `${r.survey}/${r.item}` : r.item,
      value: Number(r.value),
    };
  });
}

/**
 * Telemetry days imported with `measure import csv --kind telemetry` (sources summed per
 * developer-day) from the experiment's start, with each developer's stored arm.
 */
export async function storedTelemetryDays(
  db: Queryable,
  experiment: StoredExperiment,
  assignments: readonly StoredAssignment[],
  to?: Date,
): Promise<TelemetryDayRow[]> {
  const arms = await armsByLogin(db, assignments);
  const identities = await loadIdentityMap(db);
  const rows = await readTelemetryDays(
    db,
    experiment.startsAt.toISOString().slice(0, 10),
    to?.toISOString().slice(0, 10),
  );
  if (rows.length === 0) {
    throw new InputError(
      `no telemetry stored from the start of experiment ${experiment.name} (${experiment.startsAt.toISOString().slice(0, 10)}): import it with uplift measure import csv --kind telemetry FILE`,
    );
  }
  return rows.map((r) => {
    const unit = canonicalLogin(identities, r.user);
    return { unit, arm: arms.get(unit) ?? "", day: r.day, shown: r.shown, accepted: r.accepted };
  });
}
