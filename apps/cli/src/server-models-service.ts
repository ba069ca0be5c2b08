import { existsSync } from "node:fs";
import {
  type Config,
  LlamaCppProvider,
  type LlmProvider,
  type Logger,
  OpenAiLlmProvider,
  type Store,
} from "@uplift/core";
import { ExperimentRepository } from "@uplift/experiment";
import type { ModelMetricComparison, ModelsService, RoutedModel } from "@uplift/server";
import {
  type ArmAssignment,
  type EvalComparison,
  ModelRegistry,
  type ModelRoute,
  routeForUser,
  TASK_METRICS,
} from "@uplift/tune";

/** How long the gateway reuses the routes and assignments it read (a new route applies within this). */
export const ROUTE_CACHE_MS = 5_000;

interface RoutingSnapshot {
  at: number;
  routes: ModelRoute[];
  assignments: ArmAssignment[];
}

/**
 * The server's model registry over @uplift/tune, and the gateway's routing: a developer's arm
 * (from the assignments `experiment design` stored, read through @uplift/experiment) picks the
 * route, the route's model picks its newest registered version, whose endpoint (or GGUF file)
 * answers. Providers are opened once per endpoint and model, closed with the server.
 */
export function createModelsService(deps: {
  store: Store;
  config: Config;
  logger: Logger;
}): ModelsService & { close(): Promise<void> } {
  const registry = new ModelRegistry(deps.store);
  const experiments = new ExperimentRepository(deps.store);
  const providers = new Map<string, LlmProvider>();
  let snapshot: Promise<RoutingSnapshot> | undefined;

  const routing = async (): Promise<RoutingSnapshot> => {
    const routes = await registry.routes();
    const assignments: ArmAssignment[] = [];
    for (const experiment of new Set(routes.map((r) => r.experiment))) {
      for (const a of await experiments.assignments(experiment))
        assignments.push({ experiment, unit: a.unit, arm: a.arm });
    }
    return { at: Date.now(), routes, assignments };
  };

  const providerFor = (endpoint: string, model: string): LlmProvider => {
    const key = `${endpoint}\u0000${model}`;
    let provider = providers.get(key);
    if (!provider) {
      provider =
        endpoint.endsWith(".gguf") || (!/^https?:/.test(endpoint) && existsSync(endpoint))
          ? new LlamaCppProvider({
              modelPath: endpoint,
              logger: deps.logger.child({ llm: "llama-cpp", model }),
            })
          : openAi(endpoint, model);
      providers.set(key, provider);
    }
    return provider;
  };

  const openAi = (endpoint: string, model: string) => {
    const name = deps.config.llm.api_key_env;
    const apiKey = name ? process.env[name]?.trim() || undefined : undefined;
    return new OpenAiLlmProvider({
      baseUrl: endpoint,
      model,
      ...(apiKey && { apiKey }),
      ...(deps.config.llm.api_key_env && { apiKeyEnv: deps.config.llm.api_key_env }),
      timeoutMs: deps.config.llm.timeout_ms,
      logger: deps.logger.child({ llm: "openai", model }),
    });
  };

  return {
    async list() {
      const [versions, decisions, routes] = await Promise.all([
        registry.versions(),
        registry.decisions(50),
        registry.routes(),
      ]);
      return {
        models: versions.map((v) => ({
          name: v.name,
          version: v.version,
          model: v.model,
          endpoint: v.endpoint,
          baseline_model: v.baseline_model,
          primary_metric: v.primary_metric,
          registered_at: v.registered_at,
          n_paired: v.comparison.n_paired,
          metrics: metricRows(v.comparison),
        })),
        decisions: decisions.map((d) => ({
          id: d.id,
          name: d.name,
          passed: d.passed,
          model: d.model,
          baseline_model: d.baseline_model,
          primary_metric: d.primary_metric,
          decided_at: d.decided_at,
          n_paired: d.decision.comparison.n_paired,
          checks: d.decision.checks.map((c) => ({
            metric: c.metric,
            role: c.role,
            rule: c.rule,
            ok: c.ok,
            skipped: c.skipped ?? false,
            reason: c.reason,
          })),
          metrics: metricRows(d.decision.comparison),
        })),
        routes,
      };
    },

    async routeFor(login: string): Promise<RoutedModel | undefined> {
      const current = await snapshot;
      if (!current || Date.now() - current.at > ROUTE_CACHE_MS) {
        snapshot = routing();
        snapshot.catch(() => {
          snapshot = undefined;
        });
      }
      const { routes, assignments } = (await snapshot) as RoutingSnapshot;
      if (routes.length === 0) return undefined;
      const route = routeForUser(routes, assignments, login);
      if (!route) return undefined;
      const version = await registry.latest(route.model_name);
      if (!version) return undefined;
      return {
        llm: providerFor(version.endpoint, version.model),
        name: version.name,
        version: version.version,
        experiment: route.experiment,
        arm: route.arm,
      };
    },

    async close() {
      for (const provider of providers.values()) await provider.close();
      providers.clear();
    },
  };
}

/** The comparison's metrics in the contract's order (jsonb does not keep key order). */
function metricRows(comparison: EvalComparison): ModelMetricComparison[] {
  return TASK_METRICS.filter((metric) => comparison.metrics[metric]).map((metric) => ({
    metric,
    ...comparison.metrics[metric],
  }));
}
