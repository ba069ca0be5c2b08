import type { Command } from "commander";

/** Options every command accepts, before or after the command name (DESIGN: CLI contract). */
export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
  config?: string;
  logLevel?: string;
  as?: string;
}

/** Adds the global options to a leaf command so they are accepted after it too. */
export function withGlobalOptions(command: Command): Command {
  return command
    .option("--data-dir <dir>", "data directory (env UPLIFT_DATA_DIR)", undefined)
    .option("--json", "machine-readable output on stdout; logs stay on stderr")
    .option("--config <file>", "configuration file (default ./uplift.yaml)")
    .option("--log-level <level>", "fatal|error|warn|info|debug|trace|silent");
}

/** The merged options of a command and its parents; the innermost wins. */
export function globalOptionsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

export type Action<O> = (global: GlobalOptions, options: O, args: string[]) => Promise<void>;

/**
 * Wraps a lazily imported command implementation: the module (and everything heavy it
 * imports) is loaded only when that command runs, which keeps `uplift --help` fast.
 */
export function lazy<O>(load: () => Promise<Action<O>>) {
  return async (...params: unknown[]) => {
    const command = params[params.length - 1] as Command;
    const options = params[params.length - 2] as O;
    const args = params.slice(0, -2) as string[];
    const action = await load();
    await action(globalOptionsOf(command), options, args);
  };
}
