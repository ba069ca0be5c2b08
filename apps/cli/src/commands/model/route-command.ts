import { InputError } from "@uplift/core";
import { ExperimentRepository } from "@uplift/experiment";
import { ModelRegistry } from "@uplift/tune";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

interface RouteOptions {
  experiment: string;
  arm: string;
  model: string;
}

/**
 * `uplift model route`: the gateway answers the developers assigned to `--arm` of
 * `--experiment` (by `experiment design`) with the registered model `--model`.
 */
export async function modelRouteCommand(global: GlobalOptions, options: RouteOptions) {
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const experiment = await new ExperimentRepository(store).get(options.experiment);
    if (!experiment.arms.includes(options.arm))
      throw new InputError(
        `--arm ${options.arm}: experiment ${experiment.name} has arms ${experiment.arms.join(", ")}`,
      );
    const route = await new ModelRegistry(store).setRoute(experiment.name, options.arm, options.model);
    const units = (await new ExperimentRepository(store).assignments(experiment.name)).filter(
      (a) => a.arm === options.arm,
    );
    ctx.print(
      { ...route, developers: units.length },
      (r) => `${r.experiment}/${r.arm} → ${r.model_name} (${r.developers} developers)`,
    );
  });
}
