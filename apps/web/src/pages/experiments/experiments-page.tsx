import { useCallback, useEffect, useState } from "react";
import { type ExperimentSummary, listExperiments } from "../../api/experiments.js";
import { useApiCall } from "../../api/use-api-call.js";
import { formatEffect, formatPValue } from "../../format/format-effect.js";
import { ExperimentDetailView } from "./experiment-detail.js";
import { ForestPlot } from "./forest-plot.js";

interface ExperimentsPageProps {
  token: string;
  onUnauthorized(): void;
}

const selectedInUrl = () => new URLSearchParams(window.location.search).get("experiment");

/**
 * The designed experiments and the analyses stored by `uplift experiment analyze --save`; one
 * experiment's full report view at `/experiments?experiment=NAME` (a deep link that reloads).
 */
export function ExperimentsPage({ token, onUnauthorized }: ExperimentsPageProps) {
  const [selected, setSelected] = useState<string | null>(selectedInUrl);
  useEffect(() => {
    const onPopState = () => setSelected(selectedInUrl());
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);
  const select = useCallback((name: string | null) => {
    const url =
      name === null
        ? window.location.pathname
        : `${window.location.pathname}?experiment=${encodeURIComponent(name)}`;
    window.history.pushState(null, "", url);
    setSelected(name);
  }, []);
  if (selected !== null)
    return (
      <ExperimentDetailView
        token={token}
        name={selected}
        onBack={() => select(null)}
        onUnauthorized={onUnauthorized}
      />
    );
  return <ExperimentList token={token} onUnauthorized={onUnauthorized} onSelect={select} />;
}

function ExperimentList({
  token,
  onUnauthorized,
  onSelect,
}: ExperimentsPageProps & { onSelect(name: string): void }) {
  const load = useCallback((signal: AbortSignal) => listExperiments(token, signal), [token]);
  const [state, run] = useApiCall(load, onUnauthorized);
  useEffect(() => run(), [run]);

  return (
    <section aria-labelledby="page-title" data-testid="page-experiments">
      <h1 id="page-title">Experiments</h1>
      {state.kind === "loading" && (
        <p className="muted" aria-live="polite">
          Loading experiments…
        </p>
      )}
      {state.kind === "failed" && (
        <p className="error" role="alert" data-testid="experiments-error">
          {state.message}
        </p>
      )}
      {state.kind === "done" && state.value.experiments.length === 0 && (
        <div className="panel empty" data-testid="experiments-empty">
          <p className="empty-title">No experiments yet.</p>
          <p className="muted">
            Design one with <code>uplift experiment design</code>, then store its analysis with{" "}
            <code>uplift experiment analyze --save</code>.
          </p>
        </div>
      )}
      {state.kind === "done" &&
        state.value.experiments.map((e) => (
          <Experiment key={e.name} experiment={e} onOpen={() => onSelect(e.name)} />
        ))}
    </section>
  );
}

function Experiment({ experiment, onOpen }: { experiment: ExperimentSummary; onOpen(): void }) {
  return (
    <section
      className="panel metric"
      aria-labelledby={`experiment-${experiment.name}`}
      data-testid={`experiment-${experiment.name}`}
    >
      <h2 id={`experiment-${experiment.name}`}>{experiment.name}</h2>
      <p className="muted small">
        Arms {experiment.arms.join(" vs ")} · starts {experiment.starts_at.slice(0, 10)} ·{" "}
        <button type="button" className="link" onClick={onOpen} data-testid={`open-${experiment.name}`}>
          design, distributions, trends and full report
        </button>
      </p>
      {experiment.analyses.length === 0 ? (
        <p className="muted">
          No stored analysis:{" "}
          <code>
            uplift experiment analyze --data FILE … --experiment {experiment.name} --save --metric NAME
          </code>
          .
        </p>
      ) : (
        <ForestPlot analyses={experiment.analyses} />
      )}
      {experiment.analyses.length > 0 && (
        <table className="metric-rows">
          <thead>
            <tr>
              <th scope="col">metric</th>
              <th scope="col">effect</th>
              <th scope="col">CI</th>
              <th scope="col">p</th>
              <th scope="col">units (t / c)</th>
              <th scope="col">checks</th>
            </tr>
          </thead>
          <tbody>
            {experiment.analyses.map((a) => (
              <tr key={a.metric} data-testid={`analysis-${a.metric}`} title={a.summary}>
                <th scope="row">
                  {a.metric}
                  {a.role === "guardrail" && <span className="soon">guardrail</span>}
                </th>
                <td>{formatEffect(a.effect.estimate, a.effect.scale)}</td>
                <td>
                  {formatEffect(a.effect.ci[0], a.effect.scale)} to{" "}
                  {formatEffect(a.effect.ci[1], a.effect.scale)}
                </td>
                <td>{formatPValue(a.effect.p_value)}</td>
                <td>
                  {a.units.treatment} / {a.units.control}
                </td>
                <td>
                  {a.srm_flag
                    ? "sample-ratio mismatch"
                    : a.warnings.length
                      ? `${a.warnings.length} warning(s)`
                      : "ok"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {experiment.analyses.map((a) => (
        <p key={a.metric} className="small" data-testid={`summary-${a.metric}`}>
          {a.summary}
        </p>
      ))}
    </section>
  );
}
