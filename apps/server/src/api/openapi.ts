import { type ZodType, z } from "zod";
import { campaignRepoSchema, campaignSummarySchema, campaignsResponseSchema } from "./campaign-schemas.js";
import {
  codeContextRequestSchema,
  codeContextResponseSchema,
  codeRepositoriesResponseSchema,
  codeRepositorySchema,
  codeSearchHitSchema,
  codeSearchRequestSchema,
  codeSearchResponseSchema,
  codeSimilarHitSchema,
  codeSimilarRequestSchema,
  codeSimilarResponseSchema,
  contextSnippetSchema,
} from "./code-schemas.js";
import {
  docsAnswerSchema,
  docsAskRequestSchema,
  docsCitationSchema,
  docsFeedbackReceiptSchema,
  docsFeedbackRequestSchema,
  docsSearchHitSchema,
  docsSearchRequestSchema,
  docsSearchResponseSchema,
  docsSourceStatusSchema,
  docsSourcesResponseSchema,
} from "./docs-schemas.js";
import {
  experimentDetailSchema,
  experimentMetricDetailSchema,
  experimentNameParamsSchema,
} from "./experiment-detail-schemas.js";
import {
  experimentAnalysisSchema,
  experimentSummarySchema,
  experimentsResponseSchema,
} from "./experiment-schemas.js";
import {
  metricDefinitionSchema,
  metricDefinitionsSchema,
  metricExplainQuerySchema,
  metricExplanationSchema,
  metricRowSchema,
  metricsQuerySchema,
  metricsReportSchema,
} from "./measure-schemas.js";
import {
  gateCheckSchema,
  gateDecisionSchema,
  modelMetricComparisonSchema,
  modelRouteSchema,
  modelsResponseSchema,
  modelVersionSchema,
} from "./model-schemas.js";
import { dependencyHealthSchema, errorBodySchema, instanceHealthSchema, userSchema } from "./schemas.js";
import { suggestionReceiptSchema, suggestionReportSchema } from "./telemetry-schemas.js";

/** One documented /api operation; `routes.ts` serves exactly these (a test keeps the two in step). */
export interface ApiOperation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  operationId: string;
  summary: string;
  /** Schema of the JSON request body (POST). */
  request?: ZodType;
  /** Object schema of the query string (GET): each property becomes a `query` parameter. */
  query?: z.ZodObject;
  /** Object schema of the path's `{param}`s: each property becomes a `path` parameter. */
  params?: z.ZodObject;
  /** The 200 response is an HTML document (`text/html`) rather than JSON. */
  html?: true;
  /** Schema of the 200 response body; undefined for a free-form object. */
  response: ZodType | undefined;
}

export const apiOperations: readonly ApiOperation[] = [
  {
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Instance health: version, uptime and the state of each dependency.",
    response: instanceHealthSchema,
  },
  {
    method: "get",
    path: "/api/me",
    operationId: "getMe",
    summary: "The user the API token reads as.",
    response: userSchema,
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This OpenAPI 3.1 document.",
    response: undefined,
  },
  {
    method: "post",
    path: "/api/code/search",
    operationId: "searchCode",
    summary: "`uplift code search`: code chunks across the organisation (BM25, hybrid with an embedder).",
    request: codeSearchRequestSchema,
    response: codeSearchResponseSchema,
  },
  {
    method: "post",
    path: "/api/code/similar",
    operationId: "findSimilarCode",
    summary: "`uplift code similar`: near-duplicates of a piece of code or of a file's lines (MinHash/LSH).",
    request: codeSimilarRequestSchema,
    response: codeSimilarResponseSchema,
  },
  {
    method: "post",
    path: "/api/code/context",
    operationId: "getCodeContext",
    summary:
      "`uplift code context`: definitions, similar code and imports for a cursor, packed into a token budget.",
    request: codeContextRequestSchema,
    response: codeContextResponseSchema,
  },
  {
    method: "get",
    path: "/api/code/repos",
    operationId: "listCodeRepositories",
    summary:
      "`uplift code repos --json`: each indexed repository's files, lines, parse health, languages and packages.",
    response: codeRepositoriesResponseSchema,
  },
  {
    method: "post",
    path: "/api/kb/search",
    operationId: "searchDocs",
    summary: "`uplift kb search` as the token's user: only documents the user may read.",
    request: docsSearchRequestSchema,
    response: docsSearchResponseSchema,
  },
  {
    method: "post",
    path: "/api/kb/ask",
    operationId: "askDocs",
    summary: "`uplift kb ask` as the token's user: a cited answer from the documents the user may read.",
    request: docsAskRequestSchema,
    response: docsAnswerSchema,
  },
  {
    method: "post",
    path: "/api/kb/feedback",
    operationId: "giveDocsFeedback",
    summary: "`uplift kb feedback` as the token's user: a thumbs up or down on a stored answer.",
    request: docsFeedbackRequestSchema,
    response: docsFeedbackReceiptSchema,
  },
  {
    method: "get",
    path: "/api/kb/sources",
    operationId: "listDocsSources",
    summary:
      "`uplift kb source list` as the token's user: each readable source's documents, chunks, last sync and last success.",
    response: docsSourcesResponseSchema,
  },
  {
    method: "get",
    path: "/api/measure/metrics",
    operationId: "getMetrics",
    summary: "`uplift measure metrics --json`: PR, DORA and Flow metrics per group over a window.",
    query: metricsQuerySchema,
    response: metricsReportSchema,
  },
  {
    method: "get",
    path: "/api/measure/explain",
    operationId: "explainMetric",
    summary:
      "`uplift measure metrics --explain METRIC [--group G]`: the definition, the values and the records (e.g. PRs) behind them.",
    query: metricExplainQuerySchema,
    response: metricExplanationSchema,
  },
  {
    method: "get",
    path: "/api/measure/definitions",
    operationId: "getMetricDefinitions",
    summary: "Every metric's unit, exact definition and the keys it can be grouped by.",
    response: metricDefinitionsSchema,
  },
  {
    method: "get",
    path: "/api/experiments",
    operationId: "listExperiments",
    summary: "Experiments, newest first, with the analyses `uplift experiment analyze --save` stored.",
    response: experimentsResponseSchema,
  },
  {
    method: "get",
    path: "/api/experiments/{name}",
    operationId: "getExperiment",
    summary:
      "`uplift experiment report NAME` as data: design and balance, summary, effects, guardrails, distributions, weekly trends, surveys and telemetry.",
    params: experimentNameParamsSchema,
    response: experimentDetailSchema,
  },
  {
    method: "get",
    path: "/api/experiments/{name}/report.html",
    operationId: "getExperimentReport",
    summary: "`uplift experiment report NAME`: the self-contained HTML report, as an attachment.",
    params: experimentNameParamsSchema,
    html: true,
    response: undefined,
  },
  {
    method: "get",
    path: "/api/campaigns",
    operationId: "listCampaigns",
    summary:
      "Upkeep campaigns, newest first, as `uplift upkeep campaign status --json`: repositories by state, time per repository, the model's share.",
    response: campaignsResponseSchema,
  },
  {
    method: "get",
    path: "/api/models",
    operationId: "listModels",
    summary:
      "`uplift model list`: registered model versions with their eval against the baseline, gate decisions and experiment-arm routes.",
    response: modelsResponseSchema,
  },
  {
    method: "post",
    path: "/api/telemetry/suggestions",
    operationId: "reportSuggestion",
    summary: "Reports what became of a gateway completion (shown, accepted with characters kept, rejected).",
    request: suggestionReportSchema,
    response: suggestionReceiptSchema,
  },
];

/** Every schema with an id, so that nested objects become `$ref`s too. */
const COMPONENT_SCHEMAS: readonly ZodType[] = [
  errorBodySchema,
  userSchema,
  dependencyHealthSchema,
  instanceHealthSchema,
  codeSearchHitSchema,
  codeSimilarHitSchema,
  contextSnippetSchema,
  codeRepositorySchema,
  docsSearchHitSchema,
  docsCitationSchema,
  docsSourceStatusSchema,
  metricRowSchema,
  metricDefinitionSchema,
  experimentAnalysisSchema,
  experimentSummarySchema,
  experimentMetricDetailSchema,
  modelMetricComparisonSchema,
  gateCheckSchema,
  modelVersionSchema,
  gateDecisionSchema,
  modelRouteSchema,
  campaignRepoSchema,
  campaignSummarySchema,
  ...apiOperations.flatMap((op) => [op.request, op.response].filter((s): s is ZodType => s !== undefined)),
];

const SCHEMA_REF = "#/components/schemas/";

/**
 * Builds the OpenAPI 3.1 document of the /api routes. Component schemas come from the zod
 * schemas (`z.toJSONSchema`, JSON Schema 2020-12, the dialect of OpenAPI 3.1). Objects are
 * left open (input mode) because responses may gain fields: the contract adds, never renames.
 */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const schema of new Set(COMPONENT_SCHEMAS)) registry.add(schema, { id: schemaId(schema) });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `${SCHEMA_REF}${id}`, io: "input" });
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }

  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of apiOperations) {
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        operationId: op.operationId,
        summary: op.summary,
        ...((op.query || op.params) && {
          parameters: [
            ...(op.params ? parameters(op.params, "path") : []),
            ...(op.query ? parameters(op.query, "query") : []),
          ],
        }),
        ...(op.request && {
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: `${SCHEMA_REF}${schemaId(op.request)}` } } },
          },
        }),
        responses: {
          "200": op.html
            ? { description: "OK", content: { "text/html": { schema: { type: "string" } } } }
            : jsonResponse(
                "OK",
                op.response ? { $ref: `${SCHEMA_REF}${schemaId(op.response)}` } : { type: "object" },
              ),
          "401": jsonResponse("Missing or invalid API token.", { $ref: `${SCHEMA_REF}Error` }),
          default: jsonResponse("Error.", { $ref: `${SCHEMA_REF}Error` }),
        },
      },
    };
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Uplift API",
      version,
      description:
        "The operations of the `uplift` CLI over HTTP. Every route needs `Authorization: Bearer <token>`.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    security: [{ bearerToken: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token from `uplift token create`.",
        },
      },
    },
  };
}

function parameters(schema: z.ZodObject, location: "query" | "path"): Record<string, unknown>[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...fieldSchema } = z.toJSONSchema(field as ZodType, { io: "input" });
    delete fieldSchema.$schema;
    return {
      name,
      in: location,
      required: location === "path" || !(field as ZodType).safeParse(undefined).success,
      ...(description && { description }),
      schema: fieldSchema,
    };
  });
}

function jsonResponse(description: string, schema: Record<string, unknown>): Record<string, unknown> {
  return { description, content: { "application/json": { schema } } };
}

function schemaId(schema: ZodType): string {
  const id = schema.meta()?.id;
  if (typeof id !== "string") throw new Error("every documented schema needs .meta({ id })");
  return id;
}
