import type { ReactNode } from "react";
import type { CodeHit } from "../../api/code.js";

/** One indexed chunk: `repo/path:a-b`, its symbol and kind, the score, and the code. */
export function CodeHitView({ hit, score, actions }: { hit: CodeHit; score: string; actions?: ReactNode }) {
  return (
    <article className="code-hit" data-testid="code-hit">
      <header className="result-head">
        <span>
          <code data-testid="code-hit-location">
            {hit.repo}/{hit.path}:{hit.start_line}-{hit.end_line}
          </code>
          {hit.symbol && (
            <span className="symbol">
              {" "}
              {hit.symbol} <span className="muted">({hit.kind})</span>
            </span>
          )}
        </span>
        <span className="score">{score}</span>
      </header>
      <pre className="code-text">{hit.text}</pre>
      {actions}
    </article>
  );
}
