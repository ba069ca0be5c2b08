import { useCallback, useEffect } from "react";
import { listCodeRepositories } from "../../api/code.js";
import { useApiCall } from "../../api/use-api-call.js";

interface IndexStatusProps {
  token: string;
  onUnauthorized(): void;
}

/** GET /api/code/repos: what the organisation index holds, per repository (`uplift code repos`). */
export function IndexStatus({ token, onUnauthorized }: IndexStatusProps) {
  const load = useCallback((signal: AbortSignal) => listCodeRepositories(token, signal), [token]);
  const [state, run] = useApiCall(load, onUnauthorized);
  useEffect(() => run(), [run]);

  return (
    <section aria-labelledby="code-index-title" className="panel section">
      <h2 id="code-index-title">Index status</h2>
      {state.kind === "loading" && <p className="muted">Loading…</p>}
      {state.kind === "failed" && (
        <p className="error" role="alert" data-testid="code-repos-error">
          {state.message}
        </p>
      )}
      {state.kind === "done" && state.value.repositories.length === 0 && (
        <p className="muted">
          Nothing indexed yet: <code>uplift code index --path DIR</code>.
        </p>
      )}
      {state.kind === "done" && state.value.repositories.length > 0 && (
        <table data-testid="code-repos">
          <thead>
            <tr>
              <th scope="col">Repository</th>
              <th scope="col">Files</th>
              <th scope="col">Lines</th>
              <th scope="col">Symbols</th>
              <th scope="col">Languages</th>
              <th scope="col">Parse issues</th>
              <th scope="col">Packages</th>
              <th scope="col">Indexed</th>
            </tr>
          </thead>
          <tbody>
            {state.value.repositories.map((r) => (
              <tr key={r.repo} data-testid="code-repo">
                <td title={r.root}>{r.repo}</td>
                <td>{r.files}</td>
                <td>{r.lines}</td>
                <td>{r.symbols}</td>
                <td>
                  {Object.entries(r.languages)
                    .map(([language, n]) => `${language} ${n}`)
                    .join(", ")}
                </td>
                <td>
                  {r.unparsed_files + r.files_with_syntax_errors === 0
                    ? "none"
                    : `${r.unparsed_files} as text, ${r.files_with_syntax_errors} with errors`}
                </td>
                <td>{r.packages.join(", ")}</td>
                <td>{r.indexed_at.slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
