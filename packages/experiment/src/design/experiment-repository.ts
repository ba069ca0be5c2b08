import { InputError, insertRows, NotFoundError, type Queryable, type Store } from "@uplift/core";
import type { AnalysisRecord } from "../analysis/analysis-record.js";
import type { AnalysisReport } from "../analysis/analysis-report.js";
import type { SurveyAnalysis } from "../survey/likert-analysis.js";
import type { TelemetryAnalysis } from "../telemetry/acceptance-analysis.js";
import type { Assignment, ExperimentDesign } from "./design-experiment.js";
import type { StratumVariable } from "./strata.js";

/** A stored experiment definition (the `experiments` row). */
export interface StoredExperiment {
  name: string;
  arms: string[];
  seed: number;
  unitColumn: string;
  stratify: StratumVariable[];
  balanceColumns: string[];
  rerandomize: number;
  rampUpDays: number;
  startsAt: Date;
  createdAt: Date;
}

/** A stored assignment row. */
export interface StoredAssignment extends Assignment {
  batch: number;
  assignedAt: Date;
  leftAt: Date | null;
}

const ASSIGNMENT_COLUMNS = ["experiment", "unit", "arm", "stratum", "batch", "assigned_at"] as const;

/** Experiments and their assignments in the store (tables of migration experiment/0001). */
export class ExperimentRepository {
  constructor(private readonly store: Store) {}

  /**
   * Stores a new experiment and its whole assignment in one transaction; an existing name is bad
   * input (exit 2) and nothing is written.
   */
  async create(design: ExperimentDesign, assignedAt: Date): Promise<void> {
    await this.store.transaction(async (tx) => {
      const existing = await tx.query<{ created_at: Date }>(
        "SELECT created_at FROM experiments WHERE name = $1",
        [design.name],
      );
      if (existing.rows[0]) {
        throw new InputError(
          `experiment "${design.name}" already exists (created ${existing.rows[0].created_at.toISOString()}); choose another --name`,
        );
      }
      const { assignments, ...summary } = design;
      await tx.query(
        `INSERT INTO experiments (name, arms, seed, unit_column, stratify, balance_columns, rerandomize, ramp_up_days, starts_at, design)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10::jsonb)`,
        [
          design.name,
          design.arms,
          design.seed,
          design.unit_column,
          JSON.stringify(design.stratify),
          design.balance_columns,
          design.rerandomization.draws,
          design.ramp_up_days,
          design.starts_at,
          JSON.stringify(summary),
        ],
      );
      await insertAssignments(tx, design.name, assignments, 0, assignedAt);
    });
  }

  /** Names of the stored experiments, newest first. */
  async names(): Promise<string[]> {
    const { rows } = await this.store.query<{ name: string }>(
      "SELECT name FROM experiments ORDER BY created_at DESC, name",
    );
    return rows.map((row) => row.name);
  }

  /** The experiment named `name`; NotFoundError (exit 2) listing the names there are. */
  async get(name: string): Promise<StoredExperiment> {
    const { rows } = await this.store.query<{
      name: string;
      arms: string[];
      seed: number;
      unit_column: string;
      stratify: StratumVariable[];
      balance_columns: string[];
      rerandomize: number;
      ramp_up_days: number;
      starts_at: Date;
      created_at: Date;
    }>("SELECT * FROM experiments WHERE name = $1", [name]);
    const row = rows[0];
    if (!row) {
      const names = (await this.store.query<{ name: string }>("SELECT name FROM experiments ORDER BY name"))
        .rows;
      throw new NotFoundError(
        `no experiment named "${name}" (${names.length ? `experiments: ${names.map((n) => n.name).join(", ")}` : "none designed yet: uplift experiment design"})`,
      );
    }
    return {
      name: row.name,
      arms: row.arms,
      seed: Number(row.seed),
      unitColumn: row.unit_column,
      stratify: row.stratify,
      balanceColumns: row.balance_columns,
      rerandomize: row.rerandomize,
      rampUpDays: row.ramp_up_days,
      startsAt: row.starts_at,
      createdAt: row.created_at,
    };
  }

  /** The design summary stored with the experiment (balance table, strata, re-randomization). */
  async design(name: string): Promise<Omit<ExperimentDesign, "assignments">> {
    const { rows } = await this.store.query<{ design: Omit<ExperimentDesign, "assignments"> }>(
      "SELECT design FROM experiments WHERE name = $1",
      [name],
    );
    const row = rows[0];
    if (!row) {
      await this.get(name); // throws NotFoundError listing the experiments there are
      throw new NotFoundError(`no experiment named "${name}"`);
    }
    return row.design;
  }

  /** Stores (or replaces) the analysis of one metric for the report. */
  async saveAnalysis(name: string, record: AnalysisRecord): Promise<void> {
    await this.get(name);
    await this.store.query(
      `INSERT INTO experiment_analyses (experiment, metric, role, report, unit_means, weekly)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb)
       ON CONFLICT (experiment, metric) DO UPDATE SET role = EXCLUDED.role, report = EXCLUDED.report,
         unit_means = EXCLUDED.unit_means, weekly = EXCLUDED.weekly, created_at = now()`,
      [
        name,
        record.metric,
        record.role,
        JSON.stringify(record.report),
        JSON.stringify(record.unitMeans),
        JSON.stringify(record.weekly),
      ],
    );
  }

  /** The saved analyses of an experiment, in metric order. */
  async analyses(name: string): Promise<AnalysisRecord[]> {
    const { rows } = await this.store.query<{
      metric: string;
      role: "outcome" | "guardrail";
      report: AnalysisReport;
      unit_means: AnalysisRecord["unitMeans"];
      weekly: AnalysisRecord["weekly"];
    }>(
      "SELECT metric, role, report, unit_means, weekly FROM experiment_analyses WHERE experiment = $1 ORDER BY metric",
      [name],
    );
    return rows.map((r) => ({
      metric: r.metric,
      role: r.role,
      report: r.report,
      unitMeans: r.unit_means,
      weekly: r.weekly,
    }));
  }

  /** Stores (or replaces) the survey or telemetry analysis of an experiment for the report. */
  async saveFeedback(name: string, report: SurveyAnalysis | TelemetryAnalysis): Promise<void> {
    await this.get(name);
    await this.store.query(
      `INSERT INTO experiment_feedback (experiment, kind, report) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (experiment, kind) DO UPDATE SET report = EXCLUDED.report, created_at = now()`,
      [name, report.kind, JSON.stringify(report)],
    );
  }

  /** The saved survey and telemetry analyses of an experiment (absent kinds are undefined). */
  async feedback(name: string): Promise<{ survey?: SurveyAnalysis; telemetry?: TelemetryAnalysis }> {
    const { rows } = await this.store.query<{ kind: string; report: SurveyAnalysis | TelemetryAnalysis }>(
      "SELECT kind, report FROM experiment_feedback WHERE experiment = $1",
      [name],
    );
    const out: { survey?: SurveyAnalysis; telemetry?: TelemetryAnalysis } = {};
    for (const row of rows) {
      if (row.report.kind === "survey") out.survey = row.report;
      else if (row.report.kind === "telemetry") out.telemetry = row.report;
    }
    return out;
  }

  /** Every assignment of the experiment, leavers included, in unit order. */
  async assignments(name: string): Promise<StoredAssignment[]> {
    const { rows } = await this.store.query<{
      unit: string;
      arm: string;
      stratum: string;
      batch: number;
      assigned_at: Date;
      left_at: Date | null;
    }>(
      "SELECT unit, arm, stratum, batch, assigned_at, left_at FROM experiment_assignments WHERE experiment = $1 ORDER BY unit",
      [name],
    );
    return rows.map((r) => ({
      unit: r.unit,
      arm: r.arm,
      stratum: r.stratum,
      batch: r.batch,
      assignedAt: r.assigned_at,
      leftAt: r.left_at,
    }));
  }

  /**
   * Adds a batch of late joiners and marks leavers (`left_at`, the first time only; their arm is
   * kept: intention to treat) in one transaction.
   */
  async addLate(
    name: string,
    batch: number,
    assignments: readonly Assignment[],
    leavers: readonly string[],
    at: Date,
  ): Promise<void> {
    await this.store.transaction(async (tx) => {
      await insertAssignments(tx, name, assignments, batch, at);
      if (leavers.length > 0) {
        await tx.query(
          "UPDATE experiment_assignments SET left_at = $3 WHERE experiment = $1 AND unit = ANY($2::text[]) AND left_at IS NULL",
          [name, leavers, at],
        );
      }
    });
  }
}

async function insertAssignments(
  tx: Queryable,
  name: string,
  assignments: readonly Assignment[],
  batch: number,
  at: Date,
): Promise<void> {
  await insertRows(
    tx,
    "experiment_assignments",
    ASSIGNMENT_COLUMNS,
    assignments.map((a) => [name, a.unit, a.arm, a.stratum, batch, at]),
  );
}
