import type { Command } from "commander";
import { lazy, withGlobalOptions } from "../../options.js";

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds the `uplift model …` commands: the model registry, the promotion gate, routing by experiment arm. */
export function registerModelCommands(program: Command): void {
  const model = program
    .command("model")
    .description(
      "model registry: promotion gated on a paired eval, routing developers to models by experiment arm",
    );
  withGlobalOptions(model.command("promote <name>"))
    .description(
      "register a model version only when it beats the baseline (primary metric CI > 0, guardrails within margin)",
    )
    .requiredOption("--eval <file>", "the candidate's uplift tune eval --json report")
    .requiredOption("--baseline <file>", "the baseline's report on the same tasks")
    .option("--primary <metric>", "metric that must improve", "edit_similarity")
    .option(
      "--margin <metric=margin>",
      "guardrail and its non-inferiority margin, e.g. exact_match=0.01 (repeat)",
      collect,
      [],
    )
    .option("--resamples <n>", "bootstrap resamples", "2000")
    .option("--seed <n>", "seed of the resampling", "1")
    .action(lazy(async () => (await import("./promote-command.js")).modelPromoteCommand));
  withGlobalOptions(model.command("list"))
    .description("registered model versions, routes and recent gate decisions")
    .action(lazy(async () => (await import("./list-command.js")).modelListCommand));
  withGlobalOptions(model.command("route"))
    .description(
      "route the developers of an experiment arm to a registered model (gateway /v1/completions, /v1/chat/completions)",
    )
    .requiredOption("--experiment <name>", "an experiment from uplift experiment design")
    .requiredOption("--arm <arm>", "one of its arms")
    .requiredOption("--model <name>", "a registered model (its newest version serves)")
    .action(lazy(async () => (await import("./route-command.js")).modelRouteCommand));
}
