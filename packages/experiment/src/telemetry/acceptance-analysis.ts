import { InputError } from "@uplift/core";
import { createRng, percentileInterval } from "@uplift/stats";

/** One developer-day of assistant telemetry. */
export interface TelemetryDayRow {
  unit: string;
  arm: string;
  /** Epoch ms of the day (UTC midnight). */
  day: number;
  shown: number;
  accepted: number;
}

/** The definition stated with every acceptance rate (DESIGN: Assistant telemetry). */
export const ACCEPTANCE_DEFINITION =
  "acceptance rate = suggestions accepted / suggestions shown, summed over every developer-day of the arm (a developer who sees more suggestions weighs more); days with nothing shown add nothing";

export interface ArmTelemetry {
  arm: string;
  /** Developers assigned to the arm (when known), and those with any suggestion shown. */
  developers_assigned: number | null;
  developers_active: number;
  shown: number;
  accepted: number;
  acceptance_rate: number | null;
  /** Percentile interval from resampling developers (clustered by developer); null without data. */
  acceptance_ci: [number, number] | null;
  /** Mean of each active developer's own rate (every developer weighs the same). */
  mean_developer_rate: number | null;
}

export interface WeeklyTelemetry {
  /** Monday of the ISO week, YYYY-MM-DD. */
  week: string;
  arm: string;
  active_developers: number;
  /** Active developers / assigned developers of the arm (adoption); null when assignments are unknown. */
  adoption: number | null;
  acceptance_rate: number | null;
}

export interface TelemetryAnalysis {
  kind: "telemetry";
  definition: string;
  arms: ArmTelemetry[];
  /** Treatment − control acceptance rate, when both arms have telemetry. */
  difference: { estimate: number; ci: [number, number]; method: string } | null;
  weekly: WeeklyTelemetry[];
  warnings: string[];
}

export interface TelemetryOptions {
  treatment: string;
  control: string;
  /** Developers assigned per arm, for adoption shares. */
  assigned?: ReadonlyMap<string, number>;
  replicates?: number;
  seed?: number;
  confLevel?: number;
  source: string;
}

function mondayOf(ms: number): string {
  const date = new Date(ms);
  const day = (date.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day))
    .toISOString()
    .slice(0, 10);
}

/** Per-developer sums of one arm. */
function developerSums(rows: readonly TelemetryDayRow[]): { shown: number; accepted: number }[] {
  const sums = new Map<string, { shown: number; accepted: number }>();
  for (const r of rows) {
    const s = sums.get(r.unit) ?? { shown: 0, accepted: 0 };
    s.shown += r.shown;
    s.accepted += r.accepted;
    sums.set(r.unit, s);
  }
  return [...sums.values()].filter((s) => s.shown > 0);
}

function pooled(sums: readonly { shown: number; accepted: number }[], picks?: ArrayLike<number>): number {
  let shown = 0;
  let accepted = 0;
  const n = picks ? picks.length : sums.length;
  for (let k = 0; k < n; k++) {
    const s = sums[picks ? (picks[k] as number) : k] as { shown: number; accepted: number };
    shown += s.shown;
    accepted += s.accepted;
  }
  return accepted / shown;
}

/**
 * Assistant telemetry by arm: suggestions shown and accepted, the pooled acceptance rate (stated
 * definition) with a developer-clustered percentile bootstrap interval, the mean of developers'
 * own rates, and weekly active developers (adoption, when the arm sizes are known) and acceptance.
 * With telemetry in both arms (e.g. two assistants) the difference of the pooled rates gets a
 * bootstrap interval from resampling developers within arms. A control arm without the assistant
 * has no telemetry: that is reported, not compared.
 */
export function analyzeTelemetry(
  rows: readonly TelemetryDayRow[],
  options: TelemetryOptions,
): TelemetryAnalysis {
  const { treatment, control } = options;
  const replicates = options.replicates ?? 2000;
  const confLevel = options.confLevel ?? 0.95;
  const kept = rows.filter((r) => r.arm === treatment || r.arm === control);
  for (const r of kept) {
    if (!(r.shown >= 0 && r.accepted >= 0 && r.accepted <= r.shown)) {
      throw new InputError(
        `${options.source}: developer "${r.unit}" on ${new Date(r.day).toISOString().slice(0, 10)} has accepted ${r.accepted} of ${r.shown} shown; accepted must be between 0 and shown`,
      );
    }
  }
  const warnings: string[] = [];
  const left = rows.length - kept.length;
  if (left > 0) warnings.push(`${left} developer-day(s) of developers in neither arm left out`);
  const rng = createRng(options.seed ?? 1);
  const resample = (sums: readonly { shown: number; accepted: number }[]) => {
    const picks = new Int32Array(sums.length);
    for (let k = 0; k < picks.length; k++) picks[k] = rng.nextInt(sums.length);
    return pooled(sums, picks);
  };
  const perArm = [treatment, control].map((arm) => developerSums(kept.filter((r) => r.arm === arm)));
  const arms: ArmTelemetry[] = [treatment, control].map((arm, a) => {
    const sums = perArm[a] as { shown: number; accepted: number }[];
    const shown = sums.reduce((s, v) => s + v.shown, 0);
    const accepted = sums.reduce((s, v) => s + v.accepted, 0);
    const draws = sums.length >= 2 ? Array.from({ length: replicates }, () => resample(sums)) : [];
    return {
      arm,
      developers_assigned: options.assigned?.get(arm) ?? null,
      developers_active: sums.length,
      shown,
      accepted,
      acceptance_rate: shown > 0 ? accepted / shown : null,
      acceptance_ci: draws.length ? percentileInterval(draws, confLevel) : null,
      mean_developer_rate: sums.length
        ? sums.reduce((s, v) => s + v.accepted / v.shown, 0) / sums.length
        : null,
    };
  });
  let difference: TelemetryAnalysis["difference"] = null;
  const [t, c] = perArm as [{ shown: number; accepted: number }[], { shown: number; accepted: number }[]];
  if (t.length >= 2 && c.length >= 2) {
    const draws = Array.from({ length: replicates }, () => resample(t) - resample(c));
    difference = {
      estimate: pooled(t) - pooled(c),
      ci: percentileInterval(draws, confLevel),
      method: `difference of pooled acceptance rates, percentile interval from ${replicates} resamples of developers within arms`,
    };
  } else {
    warnings.push(
      `acceptance rates are not compared: ${t.length} active developer(s) in ${treatment}, ${c.length} in ${control} (a control arm without the assistant has no telemetry)`,
    );
  }
  const weeks = new Map<string, { units: Set<string>; shown: number; accepted: number }>();
  for (const r of kept) {
    if (r.shown <= 0) continue;
    const key = `${mondayOf(r.day)}\u001f${r.arm}`;
    const w = weeks.get(key) ?? { units: new Set<string>(), shown: 0, accepted: 0 };
    w.units.add(r.unit);
    w.shown += r.shown;
    w.accepted += r.accepted;
    weeks.set(key, w);
  }
  const weekly = [...weeks]
    .map(([key, w]) => {
      const [week, arm] = key.split("\u001f") as [string, string];
      const assigned = options.assigned?.get(arm);
      return {
        week,
        arm,
        active_developers: w.units.size,
        adoption: assigned ? w.units.size / assigned : null,
        acceptance_rate: w.shown > 0 ? w.accepted / w.shown : null,
      };
    })
    .sort((a, b) => (a.week === b.week ? (a.arm < b.arm ? -1 : 1) : a.week < b.week ? -1 : 1));
  if (kept.length === 0) {
    throw new InputError(
      `${options.source}: no telemetry of developers in arms "${treatment}" or "${control}"`,
    );
  }
  return { kind: "telemetry", definition: ACCEPTANCE_DEFINITION, arms, difference, weekly, warnings };
}
