import { ModelRegistry } from "@uplift/tune";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

/** `uplift model list`: registered versions, arm routes and the latest gate decisions. */
export async function modelListCommand(global: GlobalOptions) {
  await withContext(global, async (ctx) => {
    const registry = new ModelRegistry(await ctx.store());
    const [versions, routes, decisions] = await Promise.all([
      registry.versions(),
      registry.routes(),
      registry.decisions(20),
    ]);
    const result = {
      models: versions.map(({ comparison: _comparison, ...v }) => v),
      routes,
      decisions: decisions.map((d) => ({
        id: d.id,
        name: d.name,
        passed: d.passed,
        model: d.model,
        baseline_model: d.baseline_model,
        primary_metric: d.primary_metric,
        reasons: d.decision.reasons,
        decided_at: d.decided_at,
      })),
    };
    ctx.print(result, (r) =>
      [
        r.models.length === 0 ? "no registered models (uplift model promote)" : "models:",
        ...r.models.map(
          (m) =>
            `  ${m.name} v${m.version}  ${m.model}  ${m.primary_metric} ${m.scores.edit_similarity.toFixed(4)} ES  (${m.registered_at})`,
        ),
        ...(r.routes.length
          ? ["routes:", ...r.routes.map((x) => `  ${x.experiment}/${x.arm} → ${x.model_name}`)]
          : []),
        ...(r.decisions.length
          ? [
              "gate decisions:",
              ...r.decisions.map((d) => `  ${d.decided_at} ${d.name} ${d.passed ? "passed" : "failed"}`),
            ]
          : []),
      ].join("\n"),
    );
  });
}
