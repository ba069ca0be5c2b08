import type { GuardrailRow } from "../../api/experiments.js";
import { formatEffect, formatPValue } from "../../format/format-effect.js";

/** Guardrails tested for non-inferiority, with the report's verdicts (CONSORT, Piaggio et al. 2012). */
export function GuardrailTable({ guardrails }: { guardrails: readonly GuardrailRow[] }) {
  if (guardrails.length === 0) return null;
  return (
    <>
      <h3>Guardrails (non-inferiority)</h3>
      <table className="metric-rows" data-testid="guardrail-table">
        <thead>
          <tr>
            <th scope="col">metric</th>
            <th scope="col">margin</th>
            <th scope="col">estimate</th>
            <th scope="col">interval</th>
            <th scope="col">p (worse by margin)</th>
            <th scope="col">verdict</th>
          </tr>
        </thead>
        <tbody>
          {guardrails.map((g) => (
            <tr key={g.metric} data-testid={`guardrail-${g.metric}`}>
              <th scope="row">{g.metric}</th>
              <td>{formatEffect(g.margin, g.scale)}</td>
              <td>{formatEffect(g.estimate, g.scale)}</td>
              <td>
                {formatEffect(g.ci[0], g.scale)} to {formatEffect(g.ci[1], g.scale)}
              </td>
              <td>{formatPValue(g.p_value)}</td>
              <td className={g.verdict === "non-inferior" ? "" : "warn"} data-testid={`verdict-${g.metric}`}>
                {g.verdict}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        non-inferior: a worsening by the margin is ruled out; worse: the whole interval lies beyond the
        margin; inconclusive: the interval straddles it (CONSORT non-inferiority, Piaggio et al. 2012).
      </p>
    </>
  );
}
