import { z } from "zod";

/** Bodies of the /api/code routes: the inputs and JSON outputs of `uplift code search|similar|context`. */

const lineNumber = z.number().int().min(1);

export const codeSearchRequestSchema = z
  .object({
    query: z.string().trim().min(1).meta({ description: "Words or an identifier, e.g. `format amount`." }),
    k: z.number().int().min(1).max(1000).default(10),
    repo: z.string().min(1).optional().meta({ description: "Only this repository." }),
  })
  .meta({ id: "CodeSearchRequest" });

export const codeSearchHitSchema = z
  .object({
    repo: z.string(),
    path: z.string().meta({ description: "Relative to the repository root, `/`-separated." }),
    start_line: lineNumber,
    end_line: lineNumber,
    symbol: z.string().meta({ description: "`Class.method` for members, empty between definitions." }),
    kind: z.string(),
    score: z.number(),
    text: z.string(),
  })
  .meta({ id: "CodeSearchHit" });

export const codeSearchResponseSchema = z
  .object({ results: z.array(codeSearchHitSchema) })
  .meta({ id: "CodeSearchResponse" });

export const codeSimilarRequestSchema = z
  .object({
    code: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "A piece of code to compare (instead of `file`)." }),
    language: z
      .string()
      .optional()
      .meta({ description: "Language of `code`, e.g. `typescript` (else taken from `file`'s extension)." }),
    file: z.string().min(1).optional().meta({
      description:
        "A file on the server's disk (absolute, or relative to its working directory), or `repo/path` of an indexed file.",
    }),
    lines: z
      .string()
      .regex(/^\s*\d+\s*-\s*\d+\s*$/, "expected A-B, e.g. 10-42")
      .optional()
      .meta({ description: "Only these lines of `file` (1-based, inclusive), `A-B`." }),
    threshold: z.number().min(0).max(1).default(0.5),
    k: z.number().int().min(1).max(1000).default(10),
  })
  .refine((body) => (body.code === undefined) !== (body.file === undefined), {
    message: "give either `code` or `file`",
    path: ["code"],
  })
  .meta({ id: "CodeSimilarRequest" });

export const codeSimilarHitSchema = z
  .object({
    repo: z.string(),
    path: z.string(),
    start_line: lineNumber,
    end_line: lineNumber,
    symbol: z.string(),
    kind: z.string(),
    jaccard: z
      .number()
      .meta({ description: "MinHash estimate of the Jaccard similarity of normalised shingles." }),
    score: z.number(),
    query_start_line: lineNumber,
    query_end_line: lineNumber,
    text: z.string(),
  })
  .meta({ id: "CodeSimilarHit" });

export const codeSimilarResponseSchema = z
  .object({
    results: z.array(codeSimilarHitSchema),
    threshold: z.number(),
    note: z.string().optional(),
  })
  .meta({ id: "CodeSimilarResponse" });

export const fimModelSchema = z.enum(["codellama", "starcoder2", "deepseek-coder", "qwen2.5-coder"]);

export const codeContextRequestSchema = z
  .object({
    file: z.string().min(1).meta({
      description:
        "The open file: on the server's disk (absolute, or relative to its working directory), or `repo/path` of an indexed file.",
    }),
    line: lineNumber.meta({ description: "Cursor line, 1-based." }),
    column: lineNumber.meta({ description: "Cursor column, 1-based (line length + 1 = end of line)." }),
    budget_tokens: z.number().int().min(1).max(1_000_000).default(2048),
    text: z.string().optional().meta({
      description: "The file as the editor has it (unsaved changes); `file` then only names it.",
    }),
    repo: z
      .string()
      .min(1)
      .optional()
      .meta({ description: "The open file's repository, when `file` is repo-relative." }),
    fim: fimModelSchema
      .optional()
      .meta({ description: "Also build a fill-in-the-middle prompt for this model." }),
  })
  .meta({ id: "CodeContextRequest" });

export const contextSnippetSchema = z
  .object({
    repo: z.string(),
    path: z.string(),
    start_line: lineNumber,
    end_line: lineNumber,
    reason: z.enum(["definition", "similar", "imports"]),
    score: z.number(),
    text: z.string(),
  })
  .meta({ id: "ContextSnippet" });

export const codeContextResponseSchema = z
  .object({
    snippets: z.array(contextSnippetSchema),
    tokens: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: "Tokens of the packed snippets, headers included." }),
    tokenizer: z.string(),
    repo: z.string().meta({ description: "The open file's repository (empty when it is in none)." }),
    path: z.string(),
    prompt: z.string().optional().meta({ description: "The fill-in-the-middle prompt, with `fim`." }),
  })
  .meta({ id: "CodeContextResponse" });

export type CodeSearchRequest = z.output<typeof codeSearchRequestSchema>;
export type CodeSearchResponse = z.output<typeof codeSearchResponseSchema>;
export type CodeSimilarRequest = z.output<typeof codeSimilarRequestSchema>;
export type CodeSimilarResponse = z.output<typeof codeSimilarResponseSchema>;
export type CodeContextRequest = z.output<typeof codeContextRequestSchema>;
export type CodeContextResponse = z.output<typeof codeContextResponseSchema>;
export type FimModelName = z.output<typeof fimModelSchema>;

export const codeRepositorySchema = z
  .object({
    repo: z.string(),
    root: z.string(),
    listing: z.string(),
    indexed_at: z.string(),
    files: z.number().int(),
    lines: z.number().int(),
    unparsed_files: z.number().int(),
    files_with_syntax_errors: z.number().int(),
    symbols: z.number().int(),
    languages: z.record(z.string(), z.number().int()),
    packages: z.array(z.string()),
  })
  .meta({ id: "CodeRepository" });

export const codeRepositoriesResponseSchema = z
  .object({ repositories: z.array(codeRepositorySchema) })
  .meta({ id: "CodeRepositoriesResponse" });

export type CodeRepositoriesResponse = z.output<typeof codeRepositoriesResponseSchema>;
