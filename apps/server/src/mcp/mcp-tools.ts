import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describeError, InputError, type Logger, UpliftError } from "@uplift/core";
import { z } from "zod";
import { codeNotConfigured } from "../api/code-routes.js";
import { docsNotConfigured } from "../api/docs-routes.js";
import { lineRange } from "../api/line-range.js";
import type { AuthenticatedUser, ServerDeps } from "../deps.js";
import {
  renderAnswer,
  renderContext,
  renderDocsHits,
  renderSearchHits,
  renderSimilarHits,
} from "./render.js";

/** The tools of `/mcp`, exactly as DESIGN names them. */
export const MCP_TOOLS = [
  "search_code",
  "find_similar_code",
  "get_context",
  "search_docs",
  "ask_docs",
] as const;

/**
 * An MCP server whose tools read as `user` (docs tools pass the user's login and groups, so
 * ACLs apply as with `--as`). One is built per request: the transport is stateless. A tool
 * that fails answers an MCP error result (`isError`) saying why, never a protocol error.
 */
export function createMcpServer(deps: ServerDeps, user: AuthenticatedUser): McpServer {
  const server = new McpServer({ name: "uplift", version: deps.version });
  const run = (tool: string, fn: () => Promise<{ text: string; data: Record<string, unknown> }>) =>
    toolResult(tool, fn, deps.logger);
  const code = () => {
    if (!deps.code) throw codeNotConfigured();
    return deps.code;
  };
  const docs = () => {
    if (!deps.docs) throw docsNotConfigured();
    return deps.docs;
  };

  server.registerTool(
    "search_code",
    {
      title: "Search the organisation's code",
      description:
        "Search code across every indexed repository of the organisation (functions, classes, services of other teams). Use it before writing code that may already exist.",
      inputSchema: {
        query: z.string().min(1).describe("Words or an identifier, e.g. `format amount` or `formatAmount`."),
        k: z.number().int().min(1).max(100).optional().describe("Number of results (default 10)."),
      },
      annotations: { readOnlyHint: true },
    },
    ({ query, k }) =>
      run("search_code", async () => {
        const found = await code().search({ query, k: k ?? 10 });
        return { text: renderSearchHits(found.results), data: found };
      }),
  );

  server.registerTool(
    "find_similar_code",
    {
      title: "Find similar code",
      description:
        "Find near-duplicates of a piece of code (or of a file's lines) anywhere in the organisation: 'this already exists in team X's service'.",
      inputSchema: {
        code: z.string().min(1).optional().describe("The code to compare (instead of `file`)."),
        language: z.string().optional().describe("Language of `code`, e.g. `typescript`."),
        file: z
          .string()
          .min(1)
          .optional()
          .describe("A file: `repo/path` of an indexed file, or a path on the server."),
        lines: z.string().optional().describe("Only these lines of `file`, `A-B` (1-based, inclusive)."),
        threshold: z
          .number()
          .min(0)
          .max(1)
          .optional()
          .describe("Minimum estimated Jaccard similarity (default 0.5)."),
        k: z.number().int().min(1).max(100).optional().describe("Maximum matches (default 10)."),
      },
      annotations: { readOnlyHint: true },
    },
    (args) =>
      run("find_similar_code", async () => {
        if ((args.code === undefined) === (args.file === undefined))
          throw new InputError("give either `code` or `file` (with optional `lines`)");
        const found = await code().similar({
          code: args.code,
          language: args.language,
          file: args.file,
          lines: args.lines === undefined ? undefined : lineRange(args.lines),
          threshold: args.threshold ?? 0.5,
          k: args.k ?? 10,
        });
        return { text: renderSimilarHits(found), data: found };
      }),
  );

  server.registerTool(
    "get_context",
    {
      title: "Get context for a cursor",
      description:
        "The context for a cursor position: definitions of the symbols used there (resolved across repositories), similar code from the organisation, and the file's imports, packed into a token budget.",
      inputSchema: {
        file: z
          .string()
          .min(1)
          .describe("The open file: `repo/path` of an indexed file, or a path on the server."),
        line: z.number().int().min(1).describe("Cursor line, 1-based."),
        column: z.number().int().min(1).describe("Cursor column, 1-based (line length + 1 = end of line)."),
        budget_tokens: z
          .number()
          .int()
          .min(1)
          .max(100_000)
          .optional()
          .describe("Token budget (default 2048)."),
      },
      annotations: { readOnlyHint: true },
    },
    ({ file, line, column, budget_tokens }) =>
      run("get_context", async () => {
        const context = await code().context({ file, line, column, budgetTokens: budget_tokens ?? 2048 });
        return { text: renderContext(context), data: context };
      }),
  );

  server.registerTool(
    "search_docs",
    {
      title: "Search the knowledge base",
      description:
        "Search the organisation's documentation (wikis, Markdown, tickets, chats) that you may read.",
      inputSchema: {
        query: z.string().min(1).describe("What to look for."),
        k: z.number().int().min(1).max(100).optional().describe("Number of results (default 10)."),
      },
      annotations: { readOnlyHint: true },
    },
    ({ query, k }) =>
      run("search_docs", async () => {
        const found = await docs().search({ query, k: k ?? 10, user });
        return { text: renderDocsHits(found), data: found };
      }),
  );

  server.registerTool(
    "ask_docs",
    {
      title: "Ask the knowledge base",
      description: "A cited answer to a question, from the organisation's documentation that you may read.",
      inputSchema: { question: z.string().min(1).describe("The question.") },
      annotations: { readOnlyHint: true },
    },
    ({ question }) =>
      run("ask_docs", async () => {
        const answer = await docs().ask({ question, user });
        return { text: renderAnswer(answer), data: answer };
      }),
  );

  return server;
}

/**
 * Runs a tool: its rendering as text (what a model reads) plus the JSON as structured content.
 * Uplift's errors become an error result with their message and hint; anything else is logged
 * and answered without its details.
 */
async function toolResult(
  tool: string,
  fn: () => Promise<{ text: string; data: Record<string, unknown> }>,
  logger: Logger,
): Promise<CallToolResult> {
  try {
    const { text, data } = await fn();
    return { content: [{ type: "text", text }], structuredContent: data };
  } catch (error) {
    if (!(error instanceof UpliftError)) {
      logger.error({ err: error, tool }, "MCP tool failed");
      return errorResult(`${tool} failed: internal error; the server log has the details`);
    }
    return errorResult(`${tool}: ${describeError(error)}`);
  }
}

function errorResult(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}
