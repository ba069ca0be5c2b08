import { useCallback, useEffect } from "react";
import { type ExperimentDetail, getExperiment } from "../../api/experiments.js";
import { useApiCall } from "../../api/use-api-call.js";
import { formatEffect, formatPValue } from "../../format/format-effect.js";
import { DesignSection } from "./design-section.js";
import { DownloadReport } from "./download-report.js";
import { ForestPlot } from "./forest-plot.js";
import { GuardrailTable } from "./guardrail-table.js";
import { MetricSection } from "./metric-section.js";
import { SurveyTable } from "./survey-table.js";
import { TelemetryTable } from "./telemetry-table.js";

interface ExperimentDetailViewProps {
  token: string;
  name: string;
  onBack(): void;
  onUnauthorized(): void;
}

/** One experiment as `uplift experiment report` shows it (GET /api/experiments/{name}). */
export function ExperimentDetailView({ token, name, onBack, onUnauthorized }: ExperimentDetailViewProps) {
  const load = useCallback((signal: AbortSignal) => getExperiment(token, name, signal), [token, name]);
  const [state, run] = useApiCall(load, onUnauthorized);
  useEffect(() => run(), [run]);
  return (
    <section aria-labelledby="experiment-title" data-testid="experiment-detail">
      <p>
        <button type="button" className="link" onClick={onBack} data-testid="experiments-back">
          ← All experiments
        </button>
      </p>
      {state.kind === "loading" && (
        <p className="muted" aria-live="polite">
          Loading experiment {name}…
        </p>
      )}
      {state.kind === "failed" && (
        <p className="error" role="alert" data-testid="experiment-error">
          {state.message}
        </p>
      )}
      {state.kind === "done" && (
        <Detail experiment={state.value} token={token} onUnauthorized={onUnauthorized} />
      )}
    </section>
  );
}

function Detail({
  experiment: e,
  token,
  onUnauthorized,
}: {
  experiment: ExperimentDetail;
  token: string;
  onUnauthorized(): void;
}) {
  const family = e.metrics.filter((m) => m.holm_p_value !== null).length;
  return (
    <>
      <h1 id="experiment-title">
        Experiment {e.name}: {e.arms.join(" vs ")}
      </h1>
      <p>
        <DownloadReport token={token} name={e.name} onUnauthorized={onUnauthorized} />
      </p>
      <section className="panel section" aria-labelledby="summary-title" data-testid="experiment-summary">
        <h2 id="summary-title">Summary</h2>
        {e.summary.length ? (
          <ul>
            {e.summary.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        ) : (
          <p>No metric analysed yet.</p>
        )}
      </section>
      <DesignSection experiment={e} />
      <section className="panel section" aria-labelledby="effects-title" data-testid="experiment-effects">
        <h2 id="effects-title">Effects</h2>
        {e.metrics.length === 0 ? (
          <p>
            No analysis saved yet: run <code>uplift experiment analyze … --experiment {e.name} --save</code>{" "}
            for each metric.
          </p>
        ) : (
          <>
            <ForestPlot analyses={e.metrics} />
            <table className="metric-rows" data-testid="effects-table">
              <thead>
                <tr>
                  <th scope="col">metric</th>
                  <th scope="col">effect</th>
                  <th scope="col">interval</th>
                  <th scope="col">p</th>
                  <th scope="col">Holm p ({family} metrics)</th>
                  <th scope="col">BH q</th>
                  <th scope="col">developers T/C</th>
                </tr>
              </thead>
              <tbody>
                {e.metrics.map((m) => (
                  <tr key={m.metric} data-testid={`effect-${m.metric}`}>
                    <th scope="row">
                      {m.metric}
                      {m.role === "guardrail" && <span className="soon">guardrail</span>}
                    </th>
                    <td>{formatEffect(m.effect.estimate, m.effect.scale)}</td>
                    <td>
                      {formatEffect(m.effect.ci[0], m.effect.scale)} to{" "}
                      {formatEffect(m.effect.ci[1], m.effect.scale)}
                    </td>
                    <td>{formatPValue(m.effect.p_value)}</td>
                    <td>{formatPValue(m.holm_p_value)}</td>
                    <td>{formatPValue(m.bh_q_value)}</td>
                    <td>
                      {m.units.treatment}/{m.units.control}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">
              Primary estimate per metric: OLS of the (log) outcome on the arm (+ pre-period covariate),
              errors clustered by developer (CR2, Satterthwaite df). Holm controls the chance of any false
              positive across the outcome metrics; Benjamini–Hochberg the expected share of false discoveries.
              Guardrails are tested for non-inferiority and left out of the family.
            </p>
            <GuardrailTable guardrails={e.guardrails} />
          </>
        )}
      </section>
      {e.metrics.length > 0 && (
        <>
          <h2>Per metric</h2>
          {e.metrics.map((m) => (
            <MetricSection key={m.metric} metric={m} />
          ))}
        </>
      )}
      {e.survey && <SurveyTable survey={e.survey} />}
      {e.telemetry && <TelemetryTable telemetry={e.telemetry} />}
    </>
  );
}
