import type { ExperimentDetail } from "../../api/experiments.js";
import { formatValue } from "./chart-style.js";

/** The design as the report states it: randomization, ramp-up, late joiners and leavers, balance at assignment. */
export function DesignSection({ experiment }: { experiment: ExperimentDetail }) {
  const { design, arms, ramp_up: ramp } = experiment;
  return (
    <section className="panel section" aria-labelledby="design-title" data-testid="experiment-design">
      <h2 id="design-title">Design</h2>
      <p data-testid="design-text">
        {design.developers} developers randomized (seed {experiment.seed}), stratified by{" "}
        {design.stratified_by.join(", ") || "nothing"}:{" "}
        {arms.map((a) => `${design.per_arm[a] ?? 0} ${a}`).join(", ")}.{" "}
        {design.rerandomization_draws > 1 &&
          `Re-randomized: the best of ${design.rerandomization_draws} draws by max |SMD| (${formatValue(design.max_abs_smd, 3)}). `}
        Start {ramp.from}; the {ramp.days}-day ramp-up (to {ramp.to}) is excluded from analyses run with{" "}
        <code>--experiment</code>. {design.late_joiners} joined late (assigned with the same seed stream,
        stratified); {design.leavers} left and are kept in their arm (intention to treat).
      </p>
      <h3>Balance at assignment</h3>
      {design.balance.length === 0 ? (
        <p className="muted small">No balance column was given to the design.</p>
      ) : (
        <table className="metric-rows" data-testid="balance-table">
          <thead>
            <tr>
              <th scope="col">column</th>
              {arms.map((a) => (
                <th key={a} scope="col">
                  mean {a}
                </th>
              ))}
              <th scope="col">SMD</th>
              <th scope="col">missing</th>
            </tr>
          </thead>
          <tbody>
            {design.balance.map((b) => (
              <tr key={b.column} data-testid={`balance-${b.column}`}>
                <th scope="row">{b.column}</th>
                {arms.map((a) => (
                  <td key={a}>{formatValue(b.means[a])}</td>
                ))}
                <td>
                  {b.smd === null ? "—" : b.smd.toFixed(3)}
                  {b.smd !== null && Math.abs(b.smd) > 0.1 && <span className="warn"> imbalanced</span>}
                </td>
                <td>{b.missing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details>
        <summary>Strata ({design.strata.length})</summary>
        <table className="metric-rows" data-testid="strata-table">
          <thead>
            <tr>
              <th scope="col">stratum</th>
              <th scope="col">units</th>
              {arms.map((a) => (
                <th key={a} scope="col">
                  {a}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {design.strata.map((s) => (
              <tr key={s.stratum}>
                <th scope="row">{s.stratum}</th>
                <td>{s.units}</td>
                {arms.map((a) => (
                  <td key={a}>{s.counts[a] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
