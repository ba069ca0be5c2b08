import type { MetricDefinition, MetricRow } from "../../api/measure.js";
import { formatValue } from "./metric-table.js";

/** The Flow metrics (docs/measure-flow.md), in the order of the Flow Framework. */
export const FLOW_METRICS = [
  "flow_time",
  "flow_velocity",
  "flow_load",
  "flow_efficiency",
  "flow_distribution",
] as const;

const ITEM_TYPES = ["feature", "defect", "risk", "debt"] as const;

interface FlowViewProps {
  metrics: MetricRow[];
  definitions: MetricDefinition[];
}

/**
 * "Flow": one row per group with the five Flow metrics side by side — flow time (median hours),
 * velocity (items done per week), load (average WIP), efficiency (active share of flow time) and
 * the distribution of done items over features, defects, risks and debt.
 */
export function FlowView({ metrics, definitions }: FlowViewProps) {
  const flow = metrics.filter((row) => (FLOW_METRICS as readonly string[]).includes(row.name));
  if (flow.every((row) => row.n === 0)) return null;
  const groups = [...new Set(flow.map((row) => row.group))].sort();
  const cell = (name: string, group: string) => flow.find((row) => row.name === name && row.group === group);
  const title = (name: string) => definitions.find((d) => d.name === name)?.definition;
  return (
    <section className="panel metric" aria-labelledby="flow-title" data-testid="flow-view">
      <h2 id="flow-title">Flow</h2>
      <table className="metric-rows" data-testid="flow-table">
        <thead>
          <tr>
            <th scope="col">group</th>
            <th scope="col" title={title("flow_time")}>
              flow time (h, median)
            </th>
            <th scope="col" title={title("flow_velocity")}>
              velocity (items/week)
            </th>
            <th scope="col" title={title("flow_load")}>
              load (avg WIP)
            </th>
            <th scope="col" title={title("flow_efficiency")}>
              efficiency
            </th>
            {ITEM_TYPES.map((type) => (
              <th scope="col" key={type} title={title("flow_distribution")}>
                {type}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => {
            const shares = cell("flow_distribution", group)?.shares as
              | Record<string, number | null>
              | undefined;
            return (
              <tr key={group} data-testid={`flow-${group}`}>
                <th scope="row">{group}</th>
                <td>{numberText(cell("flow_time", group))}</td>
                <td>{numberText(cell("flow_velocity", group))}</td>
                <td>{numberText(cell("flow_load", group))}</td>
                <td>{percent(cell("flow_efficiency", group)?.value)}</td>
                {ITEM_TYPES.map((type) => (
                  <td key={type}>{percent(shares?.[type])}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function numberText(row: MetricRow | undefined): string {
  return typeof row?.value === "number" ? `${formatValue(row.value)} (n=${row.n})` : "—";
}

function percent(value: unknown): string {
  return typeof value === "number" ? `${(value * 100).toFixed(1)} %` : "—";
}
