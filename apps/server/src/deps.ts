import type { Config, Embedder, LlmProvider, Logger } from "@uplift/core";
import type {
  CampaignsService,
  CodeService,
  DocsService,
  ExperimentsService,
  GatewayTelemetry,
  MeasureService,
  ModelsService,
} from "./services.js";

/** The user an API token reads as (DESIGN: every route reads as the token's user). */
export interface AuthenticatedUser {
  login: string;
  groups: string[];
}

/** The state of one dependency, e.g. `{ ok: true, detail: "pglite" }`. */
export interface DependencyHealth {
  ok: boolean;
  detail?: string;
}

/**
 * Everything the server needs, injected by the composition root (the CLI) so that the server
 * knows no driver: the store, the queue and the search index stay behind these functions.
 */
export interface ServerDeps {
  config: Config;
  logger: Logger;
  /** Resolves a bearer token to its user, or undefined when the token is unknown or revoked. */
  authenticate(token: string): Promise<AuthenticatedUser | undefined>;
  /** Status of each dependency (store, search, queue, llm), keyed by name. */
  health(): Promise<Record<string, DependencyHealth>>;
  /** Job counts per state (waiting, active, failed, …) for the `/metrics` queue-depth gauge. */
  queueDepth?(): Promise<Record<string, number>>;
  version: string;
  /** Directory of the built dashboard (apps/web/dist), served at `/`; no dashboard when absent. */
  webRoot?: string;
  /** The org code index: `/api/code/*`, gateway context, MCP code tools. Absent: those answer 503 / an MCP error. */
  code?: CodeService;
  /** The knowledge base: `/api/kb/*`, MCP `search_docs`/`ask_docs`. Absent: 503 / an MCP error. */
  docs?: DocsService;
  /** Engineering metrics: `/api/measure/*`. Absent: 503. */
  measure?: MeasureService;
  /** Experiments and their stored analyses: `/api/experiments`. Absent: 503. */
  experiments?: ExperimentsService;
  /** The model registry: `/api/models`, and the gateway's routing of experiment arms to models. Absent: 503 / the configured model. */
  models?: ModelsService;
  /** Upkeep campaigns: `/api/campaigns`. Absent: 503. */
  campaigns?: CampaignsService;
  /** The configured model behind `/v1/completions` and `/v1/chat/completions`; absent: context only. */
  llm?: LlmProvider;
  /** The configured embedder behind `/v1/embeddings`; absent: 501. */
  embedder?: Embedder;
  /** Where gateway events go; absent: not recorded (the log says so once). */
  telemetry?: GatewayTelemetry;
}
