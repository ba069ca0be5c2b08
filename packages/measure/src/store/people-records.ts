import type { Queryable } from "@uplift/core";

/** A developer imported with `measure import csv --kind developers` (extra columns in `attributes`). */
export interface StoredDeveloper {
  login: string;
  team: string;
  role: string | null;
  attributes: Record<string, unknown>;
}

/** One Likert answer imported with `measure import csv --kind survey`. */
export interface StoredSurveyAnswer {
  survey: string;
  respondent: string;
  item: string;
  value: number;
}

/** Assistant telemetry of one user on one UTC day, summed over sources. */
export interface StoredTelemetryDay {
  user: string;
  /** The day's UTC midnight, epoch milliseconds. */
  day: number;
  shown: number;
  accepted: number;
}

/** Every imported developer. Other packages read them through here, not through the table. */
export async function readDevelopers(db: Queryable): Promise<StoredDeveloper[]> {
  const { rows } = await db.query<{ login: string; team: string; role: string | null; attributes: unknown }>(
    "SELECT login, team, role, attributes FROM developers ORDER BY login",
  );
  return rows.map((r) => ({
    login: r.login,
    team: r.team,
    role: r.role,
    attributes:
      typeof r.attributes === "object" && r.attributes !== null
        ? (r.attributes as Record<string, unknown>)
        : {},
  }));
}

/** Survey answers, of one survey or of all, ordered by survey, item and respondent. */
export async function readSurveyAnswers(db: Queryable, survey?: string): Promise<StoredSurveyAnswer[]> {
  const { rows } = await db.query<StoredSurveyAnswer>(
    `SELECT survey, respondent, item, value FROM survey_answers ${survey === undefined ? "" : "WHERE survey = $1"} ORDER BY survey, item, respondent`,
    survey === undefined ? [] : [survey],
  );
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}

/** Telemetry days in [from, to) (YYYY-MM-DD, `to` optional), sources summed per user and day, by day. */
export async function readTelemetryDays(
  db: Queryable,
  from: string,
  to?: string,
): Promise<StoredTelemetryDay[]> {
  const { rows } = await db.query<{ user: string; date: Date | string; shown: number; accepted: number }>(
    `SELECT "user", date, sum(shown)::float8 AS shown, sum(accepted)::float8 AS accepted FROM telemetry_days
     WHERE date >= $1::date ${to ? "AND date < $2::date" : ""} GROUP BY "user", date ORDER BY date, "user"`,
    to ? [from, to] : [from],
  );
  return rows.map((r) => ({
    user: r.user,
    day:
      typeof r.date === "string"
        ? Date.parse(`${r.date}T00:00:00Z`)
        : Date.UTC(r.date.getFullYear(), r.date.getMonth(), r.date.getDate()),
    shown: Number(r.shown),
    accepted: Number(r.accepted),
  }));
}
