import type { Embedder, LlmProvider, Logger, SearchIndex, Store } from "@uplift/core";
import { askKnowledgeBase, KbSearcher, type Reader, recordFeedback } from "@uplift/kb";
import type { AuthenticatedUser, DocsService } from "@uplift/server";

export interface DocsServiceDeps {
  store: Store;
  searchIndex: SearchIndex;
  embedder: Embedder | undefined;
  llm: LlmProvider | undefined;
  logger: Logger;
}

/**
 * The server's knowledge-base operations over @uplift/kb. The token's user is the reader: its
 * login and groups (read from the users table with the token, as `--as LOGIN` reads them), so
 * ACLs apply exactly as on the CLI.
 */
export function createDocsService(deps: DocsServiceDeps): DocsService {
  const searcher = new KbSearcher({
    store: deps.store,
    index: deps.searchIndex,
    embedder: deps.embedder,
    logger: deps.logger,
  });
  return {
    search: ({ query, k, user }) => searcher.search({ query, k, reader: readerOf(user) }),
    ask: ({ question, user }) =>
      askKnowledgeBase(
        {
          store: deps.store,
          index: deps.searchIndex,
          embedder: deps.embedder,
          llm: deps.llm,
          logger: deps.logger,
        },
        { question, reader: readerOf(user) },
      ),
    feedback: ({ answerId, vote, comment, user }) =>
      recordFeedback(deps.store, answerId, vote, readerOf(user), comment),
  };
}

/** A token's user always exists (tokens belong to users), so it is a known reader. */
function readerOf(user: AuthenticatedUser): Reader {
  return { login: user.login, groups: [...user.groups], known: true };
}
