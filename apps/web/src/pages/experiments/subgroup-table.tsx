import type { ExperimentMetricDetail } from "../../api/experiments.js";
import { formatEffect, formatPValue } from "../../format/format-effect.js";

/** Effects by one subgroup variable with the omnibus test, read as exploratory unless it rejects. */
export function SubgroupTable({
  metric,
  scale,
  group,
}: {
  metric: string;
  scale: "relative" | "absolute";
  group: ExperimentMetricDetail["subgroups"][number];
}) {
  const o = group.omnibus;
  return (
    <>
      <p className="small">
        Effects by {group.by}
        {o &&
          ` — same effect in every ${group.by}? F(${o.df1}, ${o.df2}) = ${o.f_statistic.toFixed(2)}, p ${formatPValue(o.p_value)}${
            o.p_value < 0.05
              ? " (the effect differs)"
              : " (no evidence that it differs: read the rows as exploratory)"
          }`}
        :
      </p>
      <table className="metric-rows" data-testid={`subgroups-${metric}-${group.by}`}>
        <thead>
          <tr>
            <th scope="col">{group.by}</th>
            <th scope="col">effect</th>
            <th scope="col">interval</th>
            <th scope="col">p</th>
            <th scope="col">Holm p</th>
            <th scope="col">developers T/C</th>
          </tr>
        </thead>
        <tbody>
          {group.rows.map((g) => (
            <tr key={g.value}>
              <th scope="row">{g.value}</th>
              <td>{formatEffect(g.estimate, scale)}</td>
              <td>
                {formatEffect(g.ci[0], scale)} to {formatEffect(g.ci[1], scale)}
              </td>
              <td>{formatPValue(g.p_value)}</td>
              <td>{formatPValue(g.holm_p_value)}</td>
              <td>
                {g.units.treatment}/{g.units.control}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
