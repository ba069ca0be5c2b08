import type { MetricDefinition, MetricRow } from "../../api/measure.js";
import { formatValue } from "./metric-table.js";

/** The quality guardrails and review signals, in the order of docs/measure-quality.md. */
export const QUALITY_METRICS = [
  "revert_rate",
  "rework_rate",
  "hotfix_rate",
  "bug_fix_share",
  "new_findings_per_pr",
  "unreviewed_merge_rate",
  "approval_without_comments_rate",
  "review_comments_per_100_lines",
] as const;

interface QualityViewProps {
  metrics: MetricRow[];
  definitions: MetricDefinition[];
}

/**
 * "Quality": one table of the code-quality guardrails per group — value, n, what was excluded —
 * with the direction and non-inferiority margin an experiment tests each against.
 */
export function QualityView({ metrics, definitions }: QualityViewProps) {
  const rows = QUALITY_METRICS.flatMap((name) => metrics.filter((row) => row.name === name));
  if (rows.length === 0) return null;
  return (
    <section className="panel metric" aria-labelledby="quality-title" data-testid="quality-view">
      <h2 id="quality-title">Quality guardrails</h2>
      <table className="metric-rows" data-testid="quality-table">
        <thead>
          <tr>
            <th scope="col">metric</th>
            <th scope="col">group</th>
            <th scope="col">value</th>
            <th scope="col">n</th>
            <th scope="col">better</th>
            <th scope="col">margin</th>
            <th scope="col">excluded</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const definition = definitions.find((d) => d.name === row.name);
            return (
              <tr
                key={`${row.name}|${row.group}`}
                data-testid={`quality-${row.name}`}
                title={definition?.definition}
              >
                <th scope="row">
                  <code>{row.name}</code>
                </th>
                <td>{row.group}</td>
                <td>{formatQuality(row)}</td>
                <td>{row.n}</td>
                <td>{directionText(definition?.direction)}</td>
                <td>{marginText(definition?.non_inferiority_margin)}</td>
                <td className="muted small">{exclusionText(row.excluded)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Ratios as percentages; counts and per-100-line rates as the CLI prints them. */
function formatQuality(row: MetricRow): string {
  if (typeof row.value !== "number") return "—";
  return row.unit === "ratio" ? `${(row.value * 100).toFixed(1)} %` : formatValue(row.value);
}

function directionText(direction: MetricDefinition["direction"]): string {
  if (direction === "lower_is_better") return "lower";
  if (direction === "higher_is_better") return "higher";
  return "—";
}

function marginText(margin: number | null | undefined): string {
  return typeof margin === "number" ? `${Math.round(margin * 100)} %` : "—";
}

function exclusionText(excluded: unknown): string {
  if (!excluded || typeof excluded !== "object") return "";
  return Object.entries(excluded as Record<string, number>)
    .map(([reason, count]) => `${reason} ${count}`)
    .join(", ");
}
