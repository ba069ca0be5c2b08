import { useCallback, useEffect } from "react";
import { type DocsSourceStatus, listDocsSources } from "../../api/knowledge.js";
import { useApiCall } from "../../api/use-api-call.js";

interface SourcesPanelProps {
  token: string;
  onUnauthorized(): void;
}

/** GET /api/kb/sources: each readable source's size, last sync and how long ago it last succeeded. */
export function SourcesPanel({ token, onUnauthorized }: SourcesPanelProps) {
  const load = useCallback((signal: AbortSignal) => listDocsSources(token, signal), [token]);
  const [state, run] = useApiCall(load, onUnauthorized);
  useEffect(() => run(), [run]);

  return (
    <section aria-labelledby="kb-sources-title" className="panel section">
      <h2 id="kb-sources-title">Sources</h2>
      {state.kind === "loading" && <p className="muted">Loading sources…</p>}
      {state.kind === "failed" && (
        <p className="error" role="alert" data-testid="kb-sources-error">
          {state.message}
        </p>
      )}
      {state.kind === "done" && state.value.sources.length === 0 && (
        <p className="muted" data-testid="kb-sources-empty">
          No sources you can read yet. Add one with <code>uplift kb source add</code>, then{" "}
          <code>uplift kb sync</code>.
        </p>
      )}
      {state.kind === "done" && state.value.sources.length > 0 && (
        <table data-testid="kb-sources">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Type</th>
              <th scope="col">Documents</th>
              <th scope="col">Chunks</th>
              <th scope="col">Last sync</th>
              <th scope="col">Last success</th>
            </tr>
          </thead>
          <tbody>
            {state.value.sources.map((source) => (
              <tr key={source.name} data-testid="kb-source">
                <td>
                  {source.name}
                  {source.acl.length > 0 && <span className="muted small"> · {source.acl.join(", ")}</span>}
                </td>
                <td>{source.type}</td>
                <td>{source.documents}</td>
                <td>{source.chunks}</td>
                <td>{lastSync(source)}</td>
                <td>{source.last_success_at ? ago(source.last_success_at) : "never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function lastSync(source: DocsSourceStatus): string {
  const run = source.last_sync;
  if (!run) return "not synced yet";
  const errors = run.errors ? ` · ${run.errors} error${run.errors === 1 ? "" : "s"}` : "";
  return `${run.status}${errors}`;
}

function ago(iso: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}
