import { type FormEvent, useCallback, useState } from "react";
import { searchDocs } from "../../api/knowledge.js";
import { useApiCall } from "../../api/use-api-call.js";

interface SearchPanelProps {
  token: string;
  onUnauthorized(): void;
}

/** Search box → POST /api/kb/search: title (linked), snippet, score, and how retrieval ran. */
export function SearchPanel({ token, onUnauthorized }: SearchPanelProps) {
  const [query, setQuery] = useState("");
  const search = useCallback((signal: AbortSignal, q: string) => searchDocs(token, q, signal), [token]);
  const [state, run] = useApiCall(search, onUnauthorized);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (query.trim()) run(query.trim());
  }

  return (
    <section aria-labelledby="kb-search-title" className="panel section">
      <h2 id="kb-search-title">Search</h2>
      <form className="query-form" onSubmit={submit}>
        <label htmlFor="kb-query">Search the knowledge base</label>
        <input
          id="kb-query"
          type="search"
          data-testid="kb-query"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="deploy"
        />
        <button type="submit" className="primary" data-testid="kb-search" disabled={state.kind === "loading"}>
          Search
        </button>
      </form>
      {state.kind === "loading" && (
        <p className="muted" aria-live="polite">
          Searching…
        </p>
      )}
      {state.kind === "failed" && (
        <p className="error" role="alert" data-testid="kb-search-error">
          {state.message}
        </p>
      )}
      {state.kind === "done" && (
        <>
          <p className="muted small" data-testid="kb-retrieval">
            {state.value.results.length} result{state.value.results.length === 1 ? "" : "s"}
            {state.value.retrieval && ` · retrieval: ${state.value.retrieval}`}
            {state.value.note && ` · ${state.value.note}`}
          </p>
          <ol className="results" data-testid="kb-results">
            {state.value.results.map((hit) => (
              <li key={hit.chunk_id} data-testid="kb-result">
                <div className="result-head">
                  {hit.url ? (
                    <a href={hit.url} target="_blank" rel="noreferrer">
                      {hit.title}
                    </a>
                  ) : (
                    <strong>{hit.title}</strong>
                  )}
                  <span className="score" title="relevance score">
                    {hit.score.toFixed(3)}
                  </span>
                </div>
                <p className="snippet">{snippet(hit.text)}</p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 280 ? `${flat.slice(0, 279)}…` : flat;
}
