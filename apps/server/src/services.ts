import type { LlmProvider } from "@uplift/core";
import type { CampaignsResponse } from "./api/campaign-schemas.js";
import type {
  CodeContextResponse,
  CodeRepositoriesResponse,
  CodeSearchResponse,
  CodeSimilarResponse,
  FimModelName,
} from "./api/code-schemas.js";
import type {
  DocsAnswer,
  DocsFeedbackReceipt,
  DocsSearchResponse,
  DocsSourcesResponse,
} from "./api/docs-schemas.js";
import type { ExperimentDetailResponse } from "./api/experiment-detail-schemas.js";
import type { ExperimentsResponse } from "./api/experiment-schemas.js";
import type {
  MetricDefinitionsResponse,
  MetricExplanationResponse,
  MetricsQueryInput,
  MetricsReportResponse,
} from "./api/measure-schemas.js";
import type { ModelsResponse } from "./api/model-schemas.js";
import type { AuthenticatedUser } from "./deps.js";

/**
 * The organisation code index, as the server uses it (implemented over @uplift/code by the
 * composition root). Inputs and outputs are those of `uplift code search|similar|context --json`.
 */
export interface CodeService {
  search(query: { query: string; k: number; repo?: string | undefined }): Promise<CodeSearchResponse>;
  similar(query: CodeSimilarQuery): Promise<CodeSimilarResponse>;
  context(query: CodeContextQuery): Promise<CodeContextResponse>;
  /** `uplift code repos --json`: each indexed repository's size, parse health, languages, packages. */
  repos(): Promise<CodeRepositoriesResponse>;
}

export interface CodeSimilarQuery {
  /** A piece of code to compare (instead of `file`). */
  code?: string | undefined;
  /** Language of `code` (`typescript`, `python`…); else from `file`'s extension. */
  language?: string | undefined;
  /** A file on the server's disk, or `repo/path` of an indexed file. */
  file?: string | undefined;
  /** Lines of `file`, 1-based and inclusive. */
  lines?: { start: number; end: number } | undefined;
  threshold: number;
  k: number;
}

export interface CodeContextQuery {
  /**
   * The open file. Without `text`: read from the server's disk (absolute, or relative to its
   * working directory), or from the index as `repo/path`. With `text`: only names the file
   * (its language, and its place in the index so that it is not offered as its own context).
   */
  file?: string | undefined;
  /** The open file as the editor has it (possibly just a window around the cursor). */
  text?: string | undefined;
  /** The open file's repository, when `file` is relative to it. */
  repo?: string | undefined;
  /** Cursor, 1-based, in `text` when given, else in the file. */
  line: number;
  column: number;
  budgetTokens: number;
  /** Also build a fill-in-the-middle prompt for this model (`prompt` in the answer). */
  fim?: FimModelName | undefined;
}

/**
 * The knowledge base, as the server uses it: every call reads as `user` (login and groups), so
 * document ACLs apply exactly as with `--as LOGIN` on the CLI.
 */
export interface DocsService {
  search(query: { query: string; k: number; user: AuthenticatedUser }): Promise<DocsSearchResponse>;
  ask(query: { question: string; user: AuthenticatedUser }): Promise<DocsAnswer>;
  /** Records a thumbs up/down on a stored answer as `user` (`uplift kb feedback`). */
  feedback(query: {
    answerId: string;
    vote: "up" | "down";
    comment?: string | undefined;
    user: AuthenticatedUser;
  }): Promise<DocsFeedbackReceipt>;
  /** Sources with their documents, chunks and last sync; a source with an ACL only for its groups' members. */
  sources(query: { user: AuthenticatedUser }): Promise<DocsSourcesResponse>;
  /** Seconds since each source's last successful sync, for `/metrics` (every source: operators' view). */
  syncLag?(): Promise<{ source: string; seconds: number }[]>;
}

/** Engineering metrics over the store (`uplift measure metrics --json`). */
export interface MeasureService {
  /** Bad bounds, group keys or metric names throw InputError naming the parameter. */
  metrics(query: MetricsQueryInput): Promise<MetricsReportResponse>;
  /** Every metric's unit, exact definition and the keys it can be grouped by. */
  definitions(): Promise<MetricDefinitionsResponse>;
  /** One metric's values and, newest first, up to `limit` records behind them (`--explain`). */
  explain(query: {
    metric: string;
    query: MetricsQueryInput;
    group?: string | undefined;
    limit: number;
  }): Promise<MetricExplanationResponse>;
}

/**
 * Where gateway telemetry goes (core's `TelemetryWriter` satisfies it). `record` must not block
 * or throw: a gateway answer never waits for telemetry.
 */
export interface GatewayTelemetry {
  record(event: GatewayTelemetryEvent): void;
  writeSuggestionEvent(event: SuggestionTelemetryEvent): Promise<void>;
}

/** Version 1 of core's `gatewayEventSchema` (the fields the gateway sets). */
export interface GatewayTelemetryEvent {
  id: string;
  at: Date;
  login: string;
  kind: "completion" | "chat" | "embeddings";
  model: string;
  status: "ok" | "context_only" | "error";
  http_status: number;
  latency_ms: number;
  upstream_ms: number | null;
  context_ms: number | null;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  context_tokens: number;
  context_snippets: number;
  context_used: boolean;
  stream: boolean;
  repo: string | null;
  language: string | null;
  client: string | null;
  error_code: string | null;
  /** The experiment and arm whose model route answered; null (or absent) when the configured model did. */
  experiment?: string | null;
  arm?: string | null;
}

/** Version 1 of core's `suggestionEventSchema`. */
export interface SuggestionTelemetryEvent {
  completion_id: string;
  at: Date;
  login: string;
  event: "shown" | "accepted" | "rejected";
  chars_suggested: number | null;
  chars_kept: number | null;
}

/** Experiments and the analyses `uplift experiment analyze --save` stored. */
export interface ExperimentsService {
  /** Every experiment, newest first, with its stored analyses in metric order. */
  list(): Promise<ExperimentsResponse>;
  /** One experiment as `uplift experiment report` shows it, as data; NotFoundError when unknown. */
  get(name: string): Promise<ExperimentDetailResponse>;
  /** The self-contained HTML of `uplift experiment report NAME`; NotFoundError when unknown. */
  reportHtml(name: string): Promise<string>;
}

/**
 * The model registry (`uplift model promote|list|route`, implemented over @uplift/tune and the
 * experiment assignments by the composition root).
 */
export interface ModelsService {
  /** Registered versions, gate decisions and arm routes. */
  list(): Promise<ModelsResponse>;
  /**
   * The model a developer's experiment arm is routed to, or undefined: the configured model
   * then answers. Must be fast (the gateway asks on every call) and must not throw for a user
   * without an assignment.
   */
  routeFor(login: string): Promise<RoutedModel | undefined>;
}

/** A registered model serving one experiment arm. */
export interface RoutedModel {
  llm: LlmProvider;
  /** Registry name and version. */
  name: string;
  version: number;
  experiment: string;
  arm: string;
}

/** Upkeep campaigns (`uplift upkeep campaign status --json` for each), implemented over @uplift/upkeep. */
export interface CampaignsService {
  /** Every campaign, newest first. */
  list(): Promise<CampaignsResponse>;
}
