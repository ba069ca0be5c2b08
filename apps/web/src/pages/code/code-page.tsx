import { type FormEvent, useCallback, useState } from "react";
import { type CodeHit, findSimilarCode, searchCode } from "../../api/code.js";
import { useApiCall } from "../../api/use-api-call.js";
import { CodeHitView } from "./code-hit-view.js";
import { IndexStatus } from "./index-status.js";
import { SimilarList } from "./similar-list.js";

interface CodePageProps {
  token: string;
  onUnauthorized(): void;
}

/** The organisation's code index: search (POST /api/code/search), similar code of a hit, and each repository's index status. */
export function CodePage({ token, onUnauthorized }: CodePageProps) {
  const [query, setQuery] = useState("");
  const [similarOf, setSimilarOf] = useState<string | undefined>(undefined);
  const search = useCallback((signal: AbortSignal, q: string) => searchCode(token, q, signal), [token]);
  const similar = useCallback(
    (signal: AbortSignal, hit: CodeHit) => findSimilarCode(token, hit, signal),
    [token],
  );
  const [results, runSearch] = useApiCall(search, onUnauthorized);
  const [similarState, runSimilar] = useApiCall(similar, onUnauthorized);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!query.trim()) return;
    setSimilarOf(undefined);
    runSearch(query.trim());
  }

  return (
    <section aria-labelledby="page-title" data-testid="page-code">
      <h1 id="page-title">Code</h1>
      <form className="query-form panel section" onSubmit={submit}>
        <label htmlFor="code-query">Search the organisation's code</label>
        <input
          id="code-query"
          type="search"
          data-testid="code-query"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="format amount"
        />
        <button
          type="submit"
          className="primary"
          data-testid="code-search"
          disabled={results.kind === "loading"}
        >
          Search
        </button>
      </form>
      {results.kind === "loading" && (
        <p className="muted" aria-live="polite">
          Searching…
        </p>
      )}
      {results.kind === "failed" && (
        <p className="error" role="alert" data-testid="code-search-error">
          {results.message}
        </p>
      )}
      {results.kind === "done" && (
        <div data-testid="code-results">
          <p className="muted small">
            {results.value.results.length} result{results.value.results.length === 1 ? "" : "s"}
          </p>
          {results.value.results.map((hit) => {
            const id = `${hit.repo}/${hit.path}:${hit.start_line}-${hit.end_line}`;
            return (
              <CodeHitView
                key={id}
                hit={hit}
                score={`score ${hit.score.toFixed(3)}`}
                actions={
                  <>
                    <button
                      type="button"
                      className="secondary"
                      data-testid="code-find-similar"
                      onClick={() => {
                        setSimilarOf(id);
                        runSimilar(hit);
                      }}
                    >
                      Find similar
                    </button>
                    {similarOf === id && <SimilarList state={similarState} />}
                  </>
                }
              />
            );
          })}
        </div>
      )}
      <IndexStatus token={token} onUnauthorized={onUnauthorized} />
    </section>
  );
}
