import type { CodeContextResponse, CodeSearchResponse, CodeSimilarResponse } from "../api/code-schemas.js";
import type { DocsAnswer, DocsSearchResponse } from "../api/docs-schemas.js";

/** How MCP tool results read to a model: each place as `repo/path:a-b`, code in fences. */

const place = (r: { repo: string; path: string; start_line: number; end_line: number }) =>
  `${r.repo ? `${r.repo}/` : ""}${r.path}:${r.start_line}-${r.end_line}`;

const fenced = (text: string) => `\`\`\`\n${text}\n\`\`\``;

export function renderSearchHits(results: CodeSearchResponse["results"]): string {
  if (results.length === 0) return "No code matches.";
  return results
    .map(
      (r) =>
        `## ${place(r)}${r.symbol ? ` ${r.symbol} (${r.kind})` : ""} score ${r.score.toFixed(3)}\n${fenced(r.text)}`,
    )
    .join("\n\n");
}

export function renderSimilarHits(found: CodeSimilarResponse): string {
  if (found.results.length === 0) return found.note ?? `No code above Jaccard ${found.threshold}.`;
  return found.results
    .map(
      (r) =>
        `## ${place(r)}${r.symbol ? ` ${r.symbol}` : ""} ≈ lines ${r.query_start_line}-${r.query_end_line} (Jaccard ${r.jaccard.toFixed(2)})\n${fenced(r.text)}`,
    )
    .join("\n\n");
}

export function renderContext(context: CodeContextResponse): string {
  const parts = context.snippets.map(
    (s) => `## ${s.reason}: ${place(s)} score ${s.score.toFixed(2)}\n${fenced(s.text)}`,
  );
  parts.push(
    `${context.tokens} tokens (${context.tokenizer}); open file: ${context.repo ? `${context.repo}/` : ""}${context.path}`,
  );
  return parts.join("\n\n");
}

export function renderDocsHits(found: DocsSearchResponse): string {
  const lines = found.results.map(
    (hit, i) => `${i + 1}. ${hit.title} [${hit.doc_id}]${hit.url ? ` ${hit.url}` : ""}\n${hit.text}`,
  );
  if (lines.length === 0) lines.push("No documents match.");
  if (found.note) lines.push(`(${found.note})`);
  return lines.join("\n\n");
}

export function renderAnswer(answer: DocsAnswer): string {
  const citations = answer.citations.map((c) => `[${c.n}] ${c.url ?? c.doc_id}: “${c.quote}”`);
  return [
    answer.answer,
    ...(citations.length ? ["", ...citations] : []),
    "",
    `generator: ${answer.generator}`,
  ].join("\n");
}
