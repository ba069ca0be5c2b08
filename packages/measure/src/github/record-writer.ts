import { insertRows, type Queryable } from "@uplift/core";
import {
  type Deployment,
  deploymentSchema,
  type Incident,
  incidentSchema,
  type PullRequest,
  pullRequestSchema,
  type TelemetryDay,
  telemetryDaySchema,
} from "../records.js";

/** Columns are exactly the records' field names, in schema order (migration "measure/0001_records"). */
const PR_COLUMNS = Object.keys(pullRequestSchema.shape);
const DEPLOYMENT_COLUMNS = Object.keys(deploymentSchema.shape);
const INCIDENT_COLUMNS = Object.keys(incidentSchema.shape);
const TELEMETRY_COLUMNS = Object.keys(telemetryDaySchema.shape);

/** Records of one committed page: upserted together with the connector's cursor. */
export interface RecordBatch {
  prs?: readonly PullRequest[];
  deployments?: readonly Deployment[];
  incidents?: readonly Incident[];
  telemetry?: readonly TelemetryDay[];
}

/** Upserts a batch inside the caller's transaction (by `id`; telemetry by user, date and source). */
export async function writeRecords(tx: Queryable, batch: RecordBatch): Promise<void> {
  const byId = { onConflict: { columns: ["id"], action: "update" as const } };
  if (batch.prs?.length) await insertRows(tx, "prs", PR_COLUMNS, rows(batch.prs, PR_COLUMNS), byId);
  if (batch.deployments?.length)
    await insertRows(
      tx,
      "deployments",
      DEPLOYMENT_COLUMNS,
      rows(batch.deployments, DEPLOYMENT_COLUMNS),
      byId,
    );
  if (batch.incidents?.length)
    await insertRows(tx, "incidents", INCIDENT_COLUMNS, rows(batch.incidents, INCIDENT_COLUMNS), byId);
  if (batch.telemetry?.length)
    await insertRows(tx, "telemetry_days", TELEMETRY_COLUMNS, rows(batch.telemetry, TELEMETRY_COLUMNS), {
      onConflict: { columns: ["user", "date", "source"], action: "update" },
    });
}

function rows<T extends object>(records: readonly T[], columns: readonly string[]): unknown[][] {
  return records.map((record) =>
    columns.map((column) => (record as Record<string, unknown>)[column] ?? null),
  );
}
