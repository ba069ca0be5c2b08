import type { CodeContextResponse } from "./api/code-schemas.js";
import type {
  CodeContextQuery,
  CodeService,
  CodeSimilarQuery,
  DocsService,
  GatewayTelemetry,
  GatewayTelemetryEvent,
  SuggestionTelemetryEvent,
} from "./services.js";

/** A definition in another repository, as `code context` finds it for `formatAmount(` in shop. */
export const MONEY_DEFINITION = {
  repo: "money",
  path: "src/format.ts",
  start_line: 1,
  end_line: 5,
  reason: "definition" as const,
  score: 1,
  text: '/** Formats cents as an amount with its currency. */\nexport function formatAmount(cents: number, currency: string): string {\n  return (cents / 100).toFixed(2) + " " + currency;\n}',
};

/**
 * A CodeService with fixed answers that records what it was asked: tests of the HTTP layer
 * (the real service over an indexed org is tested in tests/server-e2e).
 */
export function recordingCodeService(context: Partial<CodeContextResponse> = {}) {
  const calls = {
    search: [] as { query: string; k: number; repo?: string | undefined }[],
    similar: [] as CodeSimilarQuery[],
    context: [] as CodeContextQuery[],
  };
  const service: CodeService = {
    async repos() {
      return {
        repositories: [
          {
            repo: MONEY_DEFINITION.repo,
            root: "/srv/org/lib",
            listing: "git",
            indexed_at: "2026-11-01T10:00:00.000Z",
            files: 1,
            lines: 5,
            unparsed_files: 0,
            files_with_syntax_errors: 0,
            symbols: 1,
            languages: { typescript: 1 },
            packages: ["@acme/money"],
          },
        ],
      };
    },
    async search(query) {
      calls.search.push(query);
      return {
        results: [
          {
            repo: MONEY_DEFINITION.repo,
            path: MONEY_DEFINITION.path,
            start_line: 1,
            end_line: 5,
            symbol: "formatAmount",
            kind: "function",
            score: 3,
            text: MONEY_DEFINITION.text,
          },
        ],
      };
    },
    async similar(query) {
      calls.similar.push(query);
      return { results: [], threshold: query.threshold, note: "the code is too short to compare" };
    },
    async context(query) {
      calls.context.push(query);
      return {
        snippets: [MONEY_DEFINITION],
        tokens: 42,
        tokenizer: "cl100k_base",
        repo: "shop",
        path: query.file ?? "",
        ...context,
      };
    },
  };
  return { service, calls };
}

/** A DocsService that answers with the user it was asked as. */
export function recordingDocsService() {
  const users: { login: string; groups: string[] }[] = [];
  const service: DocsService = {
    async search({ query, user }) {
      users.push(user);
      return {
        results: [
          {
            doc_id: "d1",
            chunk_id: "d1#0",
            title: `${query} for ${user.login}`,
            url: null,
            score: 1,
            text: "…",
          },
        ],
      };
    },
    async ask({ question, user }) {
      users.push(user);
      return {
        answer: `${question} — answered for ${user.login} (${user.groups.join(",")})`,
        citations: [{ n: 1, doc_id: "d1", url: null, quote: "…" }],
        grounded: true,
        generator: "extractive (no LLM configured)",
        answer_id: "answer-1",
      };
    },
    async feedback({ answerId, vote, user }) {
      users.push(user);
      return { feedback_id: "feedback-1", answer_id: answerId, vote, user: user.login };
    },
    async sources({ user }) {
      users.push(user);
      return {
        sources: [
          {
            name: "handbook",
            type: "markdown",
            documents: 3,
            chunks: 7,
            acl: [],
            last_sync: {
              status: "succeeded",
              started_at: "2026-11-01T10:00:00.000Z",
              finished_at: "2026-11-01T10:00:02.000Z",
              errors: 0,
            },
            last_success_at: "2026-11-01T10:00:02.000Z",
          },
        ],
      };
    },
  };
  return { service, users };
}

/** Telemetry kept in memory, as core's TelemetryWriter would store it. */
export function memoryTelemetry() {
  const events: GatewayTelemetryEvent[] = [];
  const suggestions: SuggestionTelemetryEvent[] = [];
  const telemetry: GatewayTelemetry = {
    record: (event) => {
      events.push(event);
    },
    writeSuggestionEvent: async (event) => {
      suggestions.push(event);
    },
  };
  return { telemetry, events, suggestions };
}
