import { Command, Option } from "commander";
import { registerCodeCommands } from "./commands/code/register.js";
import { registerExperimentCommands } from "./commands/experiment/register.js";
import { registerKbCommands } from "./commands/kb/register.js";
import { registerMeasureCommands } from "./commands/measure/register.js";
import { registerModelCommands } from "./commands/model/register.js";
import { registerTuneCommands } from "./commands/tune/register.js";
import { registerUpkeepCommands } from "./commands/upkeep/register.js";
import { lazy, withGlobalOptions } from "./options.js";

export function buildProgram(): Command {
  const program = withGlobalOptions(
    new Command("uplift")
      .description(
        "Adopt LLMs in software engineering, measured: metrics, experiments, code context, knowledge base.",
      )
      .version(process.env.npm_package_version ?? "0.1.0", "-V, --version")
      .showHelpAfterError("(run with --help for usage)")
      // set before the subcommands are added so that they inherit it: parse errors reach runCli
      .exitOverride()
      .configureHelp({ showGlobalOptions: true }),
  );

  withGlobalOptions(program.command("serve"))
    .description("HTTP API, OpenAI-compatible gateway, MCP server, /metrics and the dashboard")
    .option("--port <port>", "port (config server.port, default 8080)")
    .option("--host <host>", "host (config server.host, default 127.0.0.1)")
    .action(lazy(async () => (await import("./commands/serve.js")).serveCommand));

  withGlobalOptions(program.command("worker"))
    .description("process background jobs from the queue (BullMQ on Redis when queue.redis_url is set)")
    .option("--concurrency <n>", "jobs processed at once", "2")
    .action(lazy(async () => (await import("./commands/worker.js")).workerCommand));

  withGlobalOptions(program.command("demo"))
    .description("build a demo organisation from data shipped in the repository and serve the dashboard")
    .option("--port <port>", "port (default 8080)")
    .option("--no-serve", "seed the data dir and exit")
    .action(lazy(async () => (await import("./commands/demo.js")).demoCommand));

  const user = program.command("user").description("users and their groups (document ACLs, API tokens)");
  withGlobalOptions(user.command("add <login>"))
    .description("add a user, or set the groups of an existing one")
    .option("--groups <groups>", "comma-separated group names", "")
    .action(lazy(async () => (await import("./commands/user.js")).userAddCommand));
  withGlobalOptions(user.command("list"))
    .description("list users and their groups")
    .action(lazy(async () => (await import("./commands/user.js")).userListCommand));

  const token = program.command("token").description("API tokens (shown once, stored hashed)");
  withGlobalOptions(token.command("create"))
    .description("create an API token for a user (created if missing)")
    .option("--user <login>", "the token's user", "admin")
    .option("--name <name>", "a label for the token")
    .action(lazy(async () => (await import("./commands/token.js")).tokenCreateCommand));

  const config = program.command("config").description("configuration (uplift.yaml + UPLIFT_* variables)");
  withGlobalOptions(config.command("show"))
    .description("print the effective configuration, validated")
    .action(lazy(async () => (await import("./commands/config.js")).configShowCommand));

  registerMeasureCommands(program);
  registerExperimentCommands(program);
  registerKbCommands(program);
  registerCodeCommands(program);
  registerTuneCommands(program);
  registerModelCommands(program);
  registerUpkeepCommands(program);

  program.addOption(new Option("--as <login>", "answer read commands as this user (ACLs)").hideHelp());
  return program;
}
