import { z } from "zod";

/**
 * Bodies of the /api/kb routes: the inputs and JSON outputs of `uplift kb search|ask` (DESIGN:
 * CLI contract), answered as the API token's user. Objects stay open: the knowledge base may
 * add diagnostics (retrieval, note, answer_id…).
 */

export const docsSearchRequestSchema = z
  .object({
    query: z.string().trim().min(1),
    k: z.number().int().min(1).max(1000).default(10),
  })
  .meta({ id: "DocsSearchRequest" });

export const docsSearchHitSchema = z
  .object({
    doc_id: z.string(),
    chunk_id: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    score: z.number(),
    text: z.string(),
  })
  .meta({ id: "DocsSearchHit" });

export const docsSearchResponseSchema = z
  .object({
    results: z.array(docsSearchHitSchema),
    note: z
      .string()
      .optional()
      .meta({ description: "Why retrieval is lexical only, or that nothing is indexed." }),
    retrieval: z.enum(["bm25", "hybrid"]).optional().meta({ description: "How the results were found." }),
    reranked: z
      .boolean()
      .optional()
      .meta({ description: "Whether the configured reranker reordered the best candidates." }),
  })
  .meta({ id: "DocsSearchResponse" });

export const docsAskRequestSchema = z
  .object({ question: z.string().trim().min(1) })
  .meta({ id: "DocsAskRequest" });

export const docsCitationSchema = z
  .object({
    n: z.number().int().min(1),
    doc_id: z.string(),
    title: z.string().optional(),
    url: z.string().nullable(),
    quote: z.string(),
  })
  .meta({ id: "DocsCitation" });

export const docsAnswerSchema = z
  .object({
    answer: z.string(),
    citations: z.array(docsCitationSchema),
    grounded: z.boolean(),
    generator: z
      .string()
      .meta({ description: "The model that wrote the answer, or the extractive fallback." }),
    note: z.string().optional(),
    answer_id: z.string().optional().meta({ description: "The stored answer, for `POST /api/kb/feedback`." }),
    retrieval: z.enum(["bm25", "hybrid"]).optional(),
  })
  .meta({ id: "DocsAnswer" });

export const docsFeedbackRequestSchema = z
  .object({
    answer_id: z.string().trim().min(1).meta({ description: "The `answer_id` of `POST /api/kb/ask`." }),
    vote: z.enum(["up", "down"]),
    comment: z.string().trim().min(1).max(4000).optional(),
  })
  .meta({ id: "DocsFeedbackRequest" });

export const docsFeedbackReceiptSchema = z
  .object({
    feedback_id: z.string(),
    answer_id: z.string(),
    vote: z.enum(["up", "down"]),
    user: z.string().nullable(),
  })
  .meta({ id: "DocsFeedbackReceipt" });

export const docsSourceStatusSchema = z
  .object({
    name: z.string(),
    type: z.string(),
    documents: z.number().int(),
    chunks: z.number().int(),
    acl: z.array(z.string()).meta({ description: "Groups that may read it; empty: every user." }),
    last_sync: z
      .object({
        status: z.string(),
        started_at: z.string(),
        finished_at: z.string().nullable(),
        errors: z.number().int(),
      })
      .nullable(),
    last_success_at: z.string().nullable(),
  })
  .meta({ id: "DocsSourceStatus" });

export const docsSourcesResponseSchema = z
  .object({ sources: z.array(docsSourceStatusSchema) })
  .meta({ id: "DocsSourcesResponse" });

export type DocsSourceStatus = z.output<typeof docsSourceStatusSchema>;
export type DocsSourcesResponse = z.output<typeof docsSourcesResponseSchema>;
export type DocsSearchRequest = z.output<typeof docsSearchRequestSchema>;
export type DocsSearchResponse = z.output<typeof docsSearchResponseSchema>;
export type DocsAskRequest = z.output<typeof docsAskRequestSchema>;
export type DocsAnswer = z.output<typeof docsAnswerSchema>;
export type DocsFeedbackRequest = z.output<typeof docsFeedbackRequestSchema>;
export type DocsFeedbackReceipt = z.output<typeof docsFeedbackReceiptSchema>;
