import {
  createEmbedder,
  createLlmProvider,
  createReranker,
  type Embedder,
  type LlmProvider,
} from "@uplift/core";
import type {
  CampaignsService,
  CodeService,
  DocsService,
  ExperimentsService,
  MeasureService,
  ModelsService,
} from "@uplift/server";
import type { CliContext } from "./context.js";
import { createCampaignsService } from "./server-campaigns-service.js";
import { createCodeService } from "./server-code-service.js";
import { createDocsService } from "./server-docs-service.js";
import { createExperimentsService } from "./server-experiments-service.js";
import { createMeasureService } from "./server-measure-service.js";
import { createModelsService } from "./server-models-service.js";

/** The ServerDeps fields `uplift serve` adds for code, docs and the gateway. */
export interface ServerServices {
  code: CodeService;
  docs: DocsService;
  measure: MeasureService;
  experiments: ExperimentsService;
  models: ModelsService;
  campaigns: CampaignsService;
  llm?: LlmProvider;
  embedder?: Embedder;
  /** Releases the model (a local GGUF holds memory); call after the server has stopped. */
  close(): Promise<void>;
}

/**
 * Builds the code index, knowledge base, metrics, experiments, model and embedder services of the server from the
 * CLI's context: `startServer({ …, ...services })`. Without `llm`/`embedder` configured those
 * fields are absent and the gateway answers context only / 501, saying so.
 */
export async function createServerServices(
  ctx: Pick<CliContext, "config" | "logger" | "store" | "searchIndex">,
): Promise<ServerServices> {
  const store = await ctx.store();
  const searchIndex = await ctx.searchIndex();
  const embedder = createEmbedder(ctx.config.embedder, { logger: ctx.logger });
  const llm = createLlmProvider(ctx.config.llm, { logger: ctx.logger });
  const logger = ctx.logger;
  const models = createModelsService({
    store,
    config: ctx.config,
    logger: logger.child({ component: "models" }),
  });
  return {
    code: createCodeService({ store, searchIndex, embedder, logger: logger.child({ component: "code" }) }),
    docs: createDocsService({
      store,
      searchIndex,
      embedder,
      reranker: createReranker(ctx.config.reranker, { logger }),
      llm,
      logger: logger.child({ component: "kb" }),
    }),
    measure: createMeasureService(store),
    experiments: createExperimentsService(store),
    models,
    campaigns: createCampaignsService({ store, dataDir: ctx.config.data_dir, logger }),
    ...(llm && { llm }),
    ...(embedder && { embedder }),
    close: async () => {
      await models.close();
      await llm?.close();
    },
  };
}
