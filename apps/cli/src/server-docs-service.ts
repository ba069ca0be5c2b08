import type { Embedder, LlmProvider, Logger, Reranker, SearchIndex, Store } from "@uplift/core";
import {
  askKnowledgeBase,
  KbSearcher,
  type Reader,
  readSyncLag,
  recordFeedback,
  SourceRepository,
} from "@uplift/kb";
import type { AuthenticatedUser, DocsService } from "@uplift/server";

export interface DocsServiceDeps {
  store: Store;
  searchIndex: SearchIndex;
  embedder: Embedder | undefined;
  reranker?: Reranker | undefined;
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
    reranker: deps.reranker,
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
          reranker: deps.reranker,
          llm: deps.llm,
          logger: deps.logger,
        },
        { question, reader: readerOf(user) },
      ),
    syncLag: () => readSyncLag(deps.store),
    feedback: ({ answerId, vote, comment, user }) =>
      recordFeedback(deps.store, answerId, vote, readerOf(user), comment),
    sources: async ({ user }) => {
      const statuses = await new SourceRepository(deps.store).statuses();
      const readable = statuses.filter(
        (s) => s.acl.length === 0 || s.acl.some((g) => user.groups.includes(g)),
      );
      return {
        sources: readable.map((s) => ({
          name: s.name,
          type: s.type,
          documents: s.documents,
          chunks: s.chunks,
          acl: [...s.acl],
          last_sync: s.lastSync
            ? {
                status: s.lastSync.status,
                started_at: s.lastSync.startedAt.toISOString(),
                finished_at: s.lastSync.finishedAt?.toISOString() ?? null,
                errors: s.lastSync.errors,
              }
            : null,
          last_success_at: s.lastSuccessAt?.toISOString() ?? null,
        })),
      };
    },
  };
}

/** A token's user always exists (tokens belong to users), so it is a known reader. */
function readerOf(user: AuthenticatedUser): Reader {
  return { login: user.login, groups: [...user.groups], known: true };
}
