import { useCallback, useEffect, useState } from "react";
import { ApiError, getHealth } from "../api/client.js";
import type { InstanceHealth } from "../api/types.js";
import { formatUptime } from "../format/format-uptime.js";

interface OverviewPageProps {
  token: string;
  /** Called when the server rejects the token (revoked or expired). */
  onUnauthorized(): void;
}

type Load =
  | { kind: "loading" }
  | { kind: "loaded"; health: InstanceHealth }
  | { kind: "failed"; message: string };

/** Instance health from /api/health: version, uptime and each dependency's state. */
export function OverviewPage({ token, onUnauthorized }: OverviewPageProps) {
  const [load, setLoad] = useState<Load>({ kind: "loading" });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    // Re-run on refresh: `generation` is the trigger.
    void generation;
    const controller = new AbortController();
    getHealth(token, controller.signal).then(
      (health) => setLoad({ kind: "loaded", health }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) onUnauthorized();
        else setLoad({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [token, onUnauthorized, generation]);

  return (
    <section aria-labelledby="page-title" data-testid="page-overview">
      <div className="page-head">
        <h1 id="page-title">Overview</h1>
        <button type="button" className="secondary" onClick={refresh} data-testid="refresh-health">
          Refresh
        </button>
      </div>
      {load.kind === "loading" && (
        <p className="muted" aria-live="polite">
          Loading instance health…
        </p>
      )}
      {load.kind === "failed" && (
        <p className="error" role="alert" data-testid="health-error">
          {load.message}
        </p>
      )}
      {load.kind === "loaded" && <HealthPanel health={load.health} />}
    </section>
  );
}

function HealthPanel({ health }: { health: InstanceHealth }) {
  const checks = Object.entries(health.checks).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <dl className="facts panel">
        <div>
          <dt>Status</dt>
          <dd data-testid="health-status">
            <span className={`badge ${health.status === "ok" ? "ok" : "bad"}`}>
              {health.status === "ok" ? "All systems ok" : "Degraded"}
            </span>
          </dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd data-testid="health-version">{health.version}</dd>
        </div>
        <div>
          <dt>Uptime</dt>
          <dd data-testid="health-uptime" title={`since ${health.started_at}`}>
            {formatUptime(health.uptime_seconds)}
          </dd>
        </div>
      </dl>
      <h2>Dependencies</h2>
      <ul className="checks panel" data-testid="health-checks">
        {checks.map(([name, check]) => (
          <li key={name} data-testid={`check-${name}`} className={check.ok ? "ok" : "bad"}>
            <span className="check-name">
              <span className="dot" aria-hidden="true" />
              {name}: {check.ok ? "ok" : "not ok"}
            </span>
            {check.detail && <span className="check-detail">{check.detail}</span>}
          </li>
        ))}
        {checks.length === 0 && <li className="muted">No dependencies reported.</li>}
      </ul>
    </>
  );
}
