import { useCallback, useEffect } from "react";
import { type GateDecision, listModels, type ModelVersion } from "../../api/models.js";
import { useApiCall } from "../../api/use-api-call.js";
import { EvalSideBySide } from "./eval-side-by-side.js";

interface ModelsPageProps {
  token: string;
  onUnauthorized(): void;
}

/**
 * The model registry: versions promoted by `uplift model promote` with their eval against the
 * baseline side by side, every gate decision with its reasons, and the experiment arms routed
 * to models through the gateway.
 */
export function ModelsPage({ token, onUnauthorized }: ModelsPageProps) {
  const load = useCallback((signal: AbortSignal) => listModels(token, signal), [token]);
  const [state, run] = useApiCall(load, onUnauthorized);
  useEffect(() => run(), [run]);

  return (
    <section aria-labelledby="page-title" data-testid="page-models">
      <h1 id="page-title">Models</h1>
      {state.kind === "loading" && (
        <p className="muted" aria-live="polite">
          Loading the model registry…
        </p>
      )}
      {state.kind === "failed" && (
        <p className="error" role="alert" data-testid="models-error">
          {state.message}
        </p>
      )}
      {state.kind === "done" && (
        <>
          <h2>Registry</h2>
          {state.value.models.length === 0 ? (
            <div className="panel empty" data-testid="models-empty">
              <p className="empty-title">No registered model.</p>
              <p className="muted">
                Evaluate with <code>uplift tune eval</code>, then register a version with{" "}
                <code>uplift model promote NAME --eval TUNED.json --baseline BASE.json</code>: it registers
                only when the gate passes.
              </p>
            </div>
          ) : (
            state.value.models.map((m) => <Version key={`${m.name}-${m.version}`} version={m} />)
          )}
          <h2>Routes by experiment arm</h2>
          {state.value.routes.length === 0 ? (
            <p className="muted" data-testid="routes-empty">
              No arm is routed: every developer gets the configured model. Route one with{" "}
              <code>uplift model route --experiment NAME --arm ARM --model NAME</code>.
            </p>
          ) : (
            <table className="metric-rows" data-testid="model-routes">
              <thead>
                <tr>
                  <th scope="col">experiment</th>
                  <th scope="col">arm</th>
                  <th scope="col">model</th>
                  <th scope="col">since</th>
                </tr>
              </thead>
              <tbody>
                {state.value.routes.map((r) => (
                  <tr key={`${r.experiment}/${r.arm}`} data-testid="model-route">
                    <th scope="row">{r.experiment}</th>
                    <td>{r.arm}</td>
                    <td>{r.model_name}</td>
                    <td>{r.updated_at.slice(0, 16).replace("T", " ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>Gate decisions</h2>
          {state.value.decisions.length === 0 ? (
            <p className="muted" data-testid="decisions-empty">
              No promotion attempted yet.
            </p>
          ) : (
            state.value.decisions.map((d) => <Decision key={d.id} decision={d} />)
          )}
        </>
      )}
    </section>
  );
}

function Version({ version }: { version: ModelVersion }) {
  const id = `model-${version.name}-v${version.version}`;
  return (
    <section className="panel metric" aria-labelledby={id} data-testid={id}>
      <h3 id={id}>
        {version.name} <span className="badge ok">v{version.version}</span>
      </h3>
      <p className="muted small">
        {version.model} at {version.endpoint} · registered {version.registered_at.slice(0, 10)} · against{" "}
        {version.baseline_model} on {version.n_paired} paired tasks
      </p>
      <EvalSideBySide
        metrics={version.metrics}
        baseline={version.baseline_model}
        candidate={version.model}
        primary={version.primary_metric}
        testId={`${id}-eval`}
      />
    </section>
  );
}

function Decision({ decision }: { decision: GateDecision }) {
  return (
    <section className="panel metric" data-testid={`decision-${decision.id}`}>
      <h3>
        {decision.name}{" "}
        <span className={`badge ${decision.passed ? "ok" : "bad"}`} data-testid="decision-verdict">
          {decision.passed ? "promoted" : "rejected"}
        </span>
      </h3>
      <p className="muted small">
        {decision.model} vs {decision.baseline_model} · {decision.n_paired} paired tasks ·{" "}
        {decision.decided_at.slice(0, 16).replace("T", " ")}
      </p>
      <ul className="checks">
        {decision.checks.map((c) => (
          <li key={c.metric} className={c.ok ? "ok" : "bad"} data-testid="decision-check">
            <span className="dot" aria-hidden="true" />
            <span className="check-name">
              {c.role} · {c.rule}
            </span>{" "}
            {c.reason}
          </li>
        ))}
      </ul>
      <EvalSideBySide
        metrics={decision.metrics}
        baseline={decision.baseline_model}
        candidate={decision.model}
        primary={decision.primary_metric}
        testId={`decision-${decision.id}-eval`}
      />
    </section>
  );
}
