import { approximateCounter } from "@uplift/code";
import { InputError, type Logger } from "@uplift/core";
import type { CodeContextResponse } from "../api/code-schemas.js";
import type { CodeService } from "../services.js";
import type { EventDraft } from "./event-draft.js";
import type { UpliftHints } from "./openai-schemas.js";

/** Default token budget of the retrieved context. */
export const DEFAULT_GATEWAY_BUDGET = 2048;
/** Search results considered for a chat's context. */
const CHAT_SEARCH_K = 8;
/** The end of the last user message that is searched for (long pastes of code stay bounded). */
const CHAT_QUERY_CHARS = 2000;

/**
 * Context for a completion at the end of `prompt`. With `uplift.file` + `line` + `column` the
 * file is read where the server finds it (disk or index), as `code context` does; when that
 * fails (not on this machine, cursor outside the saved file) or without those hints, the
 * editor's text `prompt + suffix` is used with the cursor between them. A retrieval failure
 * never fails the completion: it is logged, and the model completes without context.
 */
export async function completionContext(
  code: CodeService | undefined,
  request: { prompt: string; suffix: string; file: string | undefined; hints: UpliftHints },
  draft: EventDraft,
  logger: Logger,
): Promise<CodeContextResponse | undefined> {
  const { hints } = request;
  if (!code || hints.context === false) return undefined;
  const budgetTokens = hints.budget_tokens ?? DEFAULT_GATEWAY_BUDGET;
  const started = performance.now();
  try {
    if (hints.file && hints.line && hints.column) {
      try {
        return await code.context({
          file: hints.file,
          repo: hints.repo,
          line: hints.line,
          column: hints.column,
          budgetTokens,
        });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        logger.debug(
          { err: error, file: hints.file },
          "the hinted file is not readable here; using the prompt",
        );
      }
    }
    const lines = request.prompt.split("\n");
    return await code.context({
      text: request.prompt + request.suffix,
      file: request.file,
      repo: hints.repo,
      line: lines.length,
      column: (lines.at(-1)?.length ?? 0) + 1,
      budgetTokens,
    });
  } catch (error) {
    logger.warn({ err: error }, "code context failed; the model completes without it");
    return undefined;
  } finally {
    draft.contextMs = performance.now() - started;
  }
}

/** Snippets of organisation code for a chat, and the system message that carries them. */
export interface ChatContext {
  message: string;
  snippets: number;
  tokens: number;
  repo: string | null;
}

/**
 * Context for a chat: the cursor's context when the hints give one, else a code search for the
 * last user message, packed best first into the budget (approximate token count).
 */
export async function chatContext(
  code: CodeService | undefined,
  request: { lastUserText: string; hints: UpliftHints },
  draft: EventDraft,
  logger: Logger,
): Promise<ChatContext | undefined> {
  const { hints } = request;
  if (!code || hints.context === false) return undefined;
  const budgetTokens = hints.budget_tokens ?? DEFAULT_GATEWAY_BUDGET;
  const started = performance.now();
  try {
    let found: { repo: string; path: string; start_line: number; end_line: number; text: string }[];
    let repo: string | null = null;
    if (hints.file && hints.line && hints.column) {
      const context = await code.context({
        file: hints.file,
        repo: hints.repo,
        line: hints.line,
        column: hints.column,
        budgetTokens,
      });
      found = context.snippets;
      repo = context.repo || null;
    } else {
      const query = request.lastUserText.slice(-CHAT_QUERY_CHARS).trim();
      if (!query) return undefined;
      found = (await code.search({ query, k: CHAT_SEARCH_K, repo: hints.repo })).results;
    }
    const blocks: string[] = [];
    let tokens = 0;
    for (const snippet of found) {
      const block = `### ${snippet.repo ? `${snippet.repo}/` : ""}${snippet.path}:${snippet.start_line}-${snippet.end_line}\n\`\`\`\n${snippet.text}\n\`\`\``;
      const cost = approximateCounter.count(block);
      if (tokens + cost > budgetTokens) continue;
      blocks.push(block);
      tokens += cost;
    }
    if (blocks.length === 0) return undefined;
    const message = `${CHAT_CONTEXT_PREAMBLE}\n\n${blocks.join("\n\n")}`;
    return { message, snippets: blocks.length, tokens, repo };
  } catch (error) {
    logger.warn({ err: error }, "code context failed; the chat goes on without it");
    return undefined;
  } finally {
    draft.contextMs = performance.now() - started;
  }
}

/** Opens the system message that carries the organisation's code. */
export const CHAT_CONTEXT_PREAMBLE =
  "Code from the organisation's repositories that may be relevant (retrieved by Uplift; the user did not paste it). Prefer reusing these functions and services over writing new ones, and name the file when you use one.";
