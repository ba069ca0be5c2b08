import type { CodeSimilarResponse } from "../../api/code.js";
import type { CallState } from "../../api/use-api-call.js";
import { CodeHitView } from "./code-hit-view.js";

/** The near-duplicates of one hit (POST /api/code/similar), or why there are none. */
export function SimilarList({ state }: { state: CallState<CodeSimilarResponse> }) {
  if (state.kind === "idle") return null;
  if (state.kind === "loading")
    return (
      <p className="muted" aria-live="polite">
        Looking for similar code…
      </p>
    );
  if (state.kind === "failed")
    return (
      <p className="error" role="alert" data-testid="code-similar-error">
        {state.message}
      </p>
    );
  const { results, threshold, note } = state.value;
  return (
    <div className="similar" data-testid="code-similar">
      <p className="muted small" data-testid="code-similar-summary">
        {results.length} similar chunk{results.length === 1 ? "" : "s"} at Jaccard ≥ {threshold}
        {note && ` · ${note}`}
      </p>
      {results.map((hit) => (
        <CodeHitView
          key={`${hit.repo}/${hit.path}:${hit.start_line}`}
          hit={hit}
          score={`Jaccard ≈ ${hit.jaccard.toFixed(2)}`}
        />
      ))}
    </div>
  );
}
