import { AskPanel } from "./ask-panel.js";
import { SearchPanel } from "./search-panel.js";
import { SourcesPanel } from "./sources-panel.js";

interface KnowledgePageProps {
  token: string;
  onUnauthorized(): void;
}

/** The knowledge base as the signed-in user may read it: search, cited answers with feedback, and each source's sync status. */
export function KnowledgePage({ token, onUnauthorized }: KnowledgePageProps) {
  return (
    <section aria-labelledby="page-title" data-testid="page-knowledge">
      <h1 id="page-title">Knowledge</h1>
      <AskPanel token={token} onUnauthorized={onUnauthorized} />
      <SearchPanel token={token} onUnauthorized={onUnauthorized} />
      <SourcesPanel token={token} onUnauthorized={onUnauthorized} />
    </section>
  );
}
