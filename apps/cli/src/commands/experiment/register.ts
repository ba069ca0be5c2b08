import type { Command } from "commander";
import { lazy, withGlobalOptions } from "../../options.js";

/** Adds the `uplift experiment …` commands (DESIGN: CLI contract); implementations load lazily. */
export function registerExperimentCommands(program: Command): void {
  const experiment = program
    .command("experiment")
    .description("randomized rollouts: assignment design, power, developer-clustered analysis");

  withGlobalOptions(experiment.command("analyze"))
    .description(
      "estimate the effect of the treatment arm: on row-level data (--data, e.g. PRs) or on stored metrics (--experiment NAME --metric …)",
    )
    .option(
      "--data <file>",
      "CSV with a header row, one row per observation (e.g. per PR); without it: stored metrics",
    )
    .option("--outcome <col>", "outcome column (e.g. merge hours); with --data")
    .option("--arm <col>", "column holding each row's arm; with --data")
    .option(
      "--treatment <value>",
      "the treatment arm's value (stored metrics: default the experiment's second arm)",
    )
    .option(
      "--unit <col>",
      "randomization unit column (the developer); errors are clustered by it; with --data",
    )
    .option(
      "--control <value>",
      "value marking the control arm (default: the one other value / the first arm)",
    )
    .option(
      "--cluster <col>",
      "cluster errors by this column instead of --unit (units randomized within developers, e.g. tasks)",
    )
    .option("--covariate <col>", "pre-period covariate (CUPED/ANCOVA)")
    .option("--no-covariate", "stored metrics: no pre-period covariate")
    .option("--log-outcome", "analyse log(outcome): the effect is relative, exp(β) − 1")
    .option("--log-covariate", "use log(covariate)")
    .option(
      "--absolute",
      "stored metrics: analyse every metric on its own scale (default: log for durations)",
    )
    .option(
      "--cluster-bootstrap <n>",
      "cluster-bootstrap replicates for the robustness block (0 skips)",
      "2000",
    )
    .option("--seed <n>", "seed of the bootstrap resampling", "1")
    .option("--conf-level <p>", "confidence level of every interval", "0.95")
    .option("--date <col>", "column with each row's date (ISO 8601), for the analysis period")
    .option("--from <date>", "analyse rows dated from this instant (e.g. after the ramp-up)")
    .option("--to <date>", "analyse rows dated before this instant")
    .option(
      "--experiment <name>",
      "a designed experiment: analyse from its start + ramp-up days (with --data: needs --date)",
    )
    .option(
      "--non-inferiority-margin <m>",
      "guardrail: test that the treatment is not worse by m (relative with --log-outcome)",
    )
    .option("--higher-is-better", "the metric improves upwards (default: lower is better)")
    .option("--save", "store the analysis under --experiment for `experiment report`")
    .option(
      "--metric <names...>",
      "stored metrics to analyse (repeatable or comma-separated); with --data: the name of the metric in the report",
    )
    .option(
      "--guardrail <metric=margin...>",
      "stored metrics: treat METRIC as a guardrail with this relative margin (default: the metric definition's); append :higher if it improves upwards",
    )
    .option(
      "--by <cols>",
      "heterogeneous effects by these subgroups (comma-separated: a column of --data; stored: team, role, repo or a developer attribute)",
    )
    .option(
      "--kind <kind>",
      "outcome (default), survey (Likert items: --data with respondent, arm, item, value; or stored) or telemetry (acceptance by arm)",
    )
    .option("--survey <name>", "stored survey to analyse (default: every stored survey)")
    .option("--item <col>", "survey CSV: the item column", "item")
    .option("--agree-from <n>", "survey: answers at or above this value count as agreeing", "4")
    .option(
      "--pre-days <n>",
      "stored metrics: days before the start that form the pre-period covariate",
      "90",
    )
    .option("--include-ramp-up", "stored metrics: keep the ramp-up window in the analysis")
    .action(lazy(async () => (await import("./analyze.js")).analyzeCommand));

  withGlobalOptions(experiment.command("did"))
    .description(
      "difference-in-differences for a staggered, non-randomized rollout (observational): two-way fixed effects and Callaway–Sant'Anna group-time effects",
    )
    .requiredOption("--data <file>", "CSV panel: one row per unit and period (or several, averaged)")
    .requiredOption("--unit <col>", "unit column (e.g. developer or team); errors are clustered by it")
    .requiredOption("--time <col>", "period column: numbers or ISO 8601 dates (e.g. the week's Monday)")
    .requiredOption(
      "--treated-from <col>",
      "first treated period of the row's unit; empty or 'never' if never treated",
    )
    .requiredOption("--outcome <col>", "outcome column")
    .option("--log-outcome", "analyse log(outcome): effects are relative, exp(ATT) − 1")
    .option("--control-group <kind>", "never-treated or not-yet-treated units as controls", "never-treated")
    .option("--bootstrap <n>", "bootstrap resamples of units for the group-time standard errors", "999")
    .option("--seed <n>", "seed of the bootstrap", "1")
    .option("--conf-level <p>", "confidence level of every interval", "0.95")
    .action(lazy(async () => (await import("./did.js")).didCommand));

  withGlobalOptions(experiment.command("design"))
    .description(
      "stratified (optionally re-randomized) assignment of units to arms, stored and written to CSV",
    )
    .requiredOption("--units <file>", "CSV of the units (e.g. developers.csv: login,team,…)")
    .requiredOption("--seed <n>", "seed of the randomization (0 to 2147483647)")
    .requiredOption("--out <file>", "where to write the assignment CSV (unit,arm,stratum)")
    .option("--arms <arms>", "comma-separated arm names, the control first", "control,treatment")
    .option("--stratify <cols>", "strata: categorical columns, or COL:qN for N quantile groups of a number")
    .option("--unit <col>", "unit id column of --units", "login")
    .option("--rerandomize <k>", "keep the best of K draws by max |SMD| (Morgan & Rubin 2012)", "1")
    .option("--balance <cols...>", "numeric columns for the balance table (default: every numeric column)")
    .option("--name <name>", "experiment name (default: the --out file name without extension)")
    .option("--ramp-up-days <n>", "days after the start excluded from the analysis", "14")
    .option("--start <date>", "start of the rollout, ISO 8601 (default: now)")
    .action(lazy(async () => (await import("./design.js")).designCommand));

  withGlobalOptions(experiment.command("assign-late"))
    .description(
      "assign units that joined after the design (same seed stream, stratified); leavers keep their arm",
    )
    .requiredOption("--name <name>", "the experiment")
    .requiredOption("--units <file>", "CSV of units with the design's unit and strata columns")
    .option(
      "--roster",
      "the file lists every current unit: assigned units missing from it are marked as left",
    )
    .option("--out <file>", "also write this batch's assignments to a CSV")
    .action(lazy(async () => (await import("./assign-late.js")).assignLateCommand));

  withGlobalOptions(experiment.command("power"))
    .description("minimum detectable effect, or developers needed, from the organisation's pre-period data")
    .requiredOption("--data <file>", "pre-period CSV, one row per observation (e.g. per PR)")
    .requiredOption("--outcome <col>", "outcome column")
    .requiredOption("--unit <col>", "randomization unit column (the developer)")
    .option("--covariate <col>", "covariate the analysis will adjust for (CUPED/ANCOVA)")
    .option("--log-outcome", "plan for the log outcome (relative effects)")
    .option("--log-covariate", "use log(covariate)")
    .option("--n-per-arm <n>", "developers per arm (default: half the developers in --data)")
    .option("--alpha <p>", "two-sided significance level", "0.05")
    .option("--power <p>", "target power", "0.8")
    .option("--effect <e>", "relative effect to plan for, e.g. -0.17: developers per arm needed")
    .option(
      "--rows-per-unit <m>",
      "rows per developer expected in the analysis period (default: as in --data)",
    )
    .option("--data-weeks <w>", "weeks covered by --data: adds MDE and sample size by analysis duration")
    .option(
      "--simulate <n>",
      "also simulate N experiments resampled from --data with the primary estimator",
      "0",
    )
    .option("--seed <n>", "seed of the simulation", "1")
    .action(lazy(async () => (await import("./power.js")).powerCommand));

  withGlobalOptions(experiment.command("report <name>"))
    .description("one self-contained HTML file: design, balance, effects across metrics, guardrails, trends")
    .requiredOption("--out <file>", "the HTML file to write")
    .action(lazy(async () => (await import("./report.js")).reportCommand));

  withGlobalOptions(experiment.command("show <name>"))
    .description(
      "a stored experiment: design, units per arm, late joiners and leavers; --out exports the assignment",
    )
    .option("--out <file>", "write the full assignment (unit,arm,stratum,batch,assigned_at,left_at) to a CSV")
    .action(lazy(async () => (await import("./show.js")).showCommand));
}
